import Form from 'next/form';
import Link from 'next/link';
import type { OutboxQuery } from './outbox-query';

/** A GET form: the filters live in the URL and the list renders on the server. */
export function OutboxFilters({ query, kinds }: { query: OutboxQuery; kinds: string[] }) {
  const options = query.kind && !kinds.includes(query.kind) ? [...kinds, query.kind] : kinds;
  return (
    <Form action="/alerts" className="filters" role="search" aria-label="Filter alert emails">
      <input type="hidden" name="status" value={query.status} />
      <div className="field filter-q">
        <label htmlFor="fo-q">Subject or recipient</label>
        <input id="fo-q" name="q" type="search" placeholder="Subject text or full address" defaultValue={query.q ?? ''} />
      </div>
      <div className="field">
        <label htmlFor="fo-kind">Kind</label>
        <select id="fo-kind" name="kind" defaultValue={query.kind ?? ''}>
          <option value="">All kinds</option>
          {options.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </div>
      {query.targetId ? <input type="hidden" name="targetId" value={query.targetId} /> : null}
      <div className="filter-actions">
        <button type="submit" className="btn">
          Apply
        </button>
        <Link href={`/alerts?status=${query.status}#emails`} className="btn btn-ghost">
          Reset
        </Link>
      </div>
    </Form>
  );
}
