import Link from 'next/link';

interface Props {
  total: number;
  page: number;
  pageSize: number;
  /** the list's URL for another page, keeping its filters */
  hrefFor: (page: number) => string;
}

/** Previous / next for a server-paged list (a server component: hrefFor stays on the server). */
export function PageLinks({ total, page, pageSize, hrefFor }: Props) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = Math.min(total, (page - 1) * pageSize + 1);
  const last = Math.min(total, page * pageSize);
  return (
    <nav className="pagination" aria-label="Pagination">
      <span className="muted">{page > pages ? `Page ${page} is past the end · ${total} total` : `${first}–${last} of ${total}`}</span>
      <span className="pagination-links">
        {page > 1 ? (
          <Link className="btn btn-small" href={hrefFor(Math.min(page - 1, pages))} rel="prev">
            Previous
          </Link>
        ) : (
          <span className="btn btn-small" aria-disabled="true">
            Previous
          </span>
        )}
        <span className="muted small">
          Page {Math.min(page, pages)} of {pages}
        </span>
        {page < pages ? (
          <Link className="btn btn-small" href={hrefFor(page + 1)} rel="next">
            Next
          </Link>
        ) : (
          <span className="btn btn-small" aria-disabled="true">
            Next
          </span>
        )}
      </span>
    </nav>
  );
}
