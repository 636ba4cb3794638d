'use client';

import Link from 'next/link';

export default function DashboardError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <div className="card narrow">
      <h1>Something went wrong</h1>
      <p className="muted">The page could not be loaded. Try again; if it keeps failing, check the server logs.</p>
      <div className="actions">
        <button type="button" className="btn btn-primary" onClick={() => retry()}>
          Try again
        </button>
        <Link href="/" className="btn">
          Back to overview
        </Link>
      </div>
    </div>
  );
}
