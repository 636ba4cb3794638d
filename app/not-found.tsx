import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="centered-page">
      <div className="card narrow">
        <h1>Not found</h1>
        <p className="muted">This page does not exist, or you do not have access to it.</p>
        <p>
          <Link href="/" className="btn">
            Back to overview
          </Link>
        </p>
      </div>
    </main>
  );
}
