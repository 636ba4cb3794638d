import Link from 'next/link';

/** Inside the app shell, so a 404 from requireRole or an unknown id keeps the navigation. */
export default function DashboardNotFound() {
  return (
    <div className="card narrow">
      <h1>Not found</h1>
      <p className="muted">This page does not exist, or you do not have access to it.</p>
      <p>
        <Link href="/databases" className="btn">
          Back to databases
        </Link>
      </p>
    </div>
  );
}
