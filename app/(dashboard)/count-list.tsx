import Link from 'next/link';

/** Counts with a bar scaled to the largest, each linking to the filtered inventory. */
export function CountList({ items, param }: { items: { key: string; count: number }[]; param: string }) {
  if (items.length === 0) return <p className="muted small">No active databases.</p>;
  const max = Math.max(...items.map((i) => i.count));
  return (
    <ul className="count-list">
      {items.map((i) => (
        <li key={i.key}>
          <Link href={`/databases?${param}=${encodeURIComponent(i.key)}`} className="count-key">
            {i.key}
          </Link>
          <span className="count-bar" aria-hidden="true">
            <span style={{ width: `${Math.max(4, (i.count / max) * 100)}%` }} />
          </span>
          <span className="count-value">{i.count}</span>
        </li>
      ))}
    </ul>
  );
}
