import Form from 'next/form';
import Link from 'next/link';
import type { FindingPage } from '@/lib/services/findings/list-findings';
import { findingSeverities, findingStatuses } from '@/lib/validations/finding';
import type { FindingsQuery } from './findings-query';

/** A GET form, so every filter lands in the URL and the list is rendered on the server. */
export function FindingsFilters({ query, facets }: { query: FindingsQuery; facets: FindingPage['facets'] }) {
  return (
    <Form action="/findings" className="filters" role="search" aria-label="Filter findings">
      <div className="field filter-q">
        <label htmlFor="ff-q">Database</label>
        <input id="ff-q" name="q" type="search" placeholder="Name contains" defaultValue={query.q ?? ''} />
      </div>
      <Select id="ff-severity" name="severity" label="Severity" value={query.severity} options={findingSeverities.map((s) => [s, s])} />
      <Select id="ff-status" name="status" label="Status" value={query.status} options={findingStatuses.map((s) => [s, s])} />
      <Select id="ff-check" name="checkId" label="Check" value={query.checkId} options={facets.checks.map((c) => [c.id, c.id])} />
      <Select id="ff-team" name="team" label="Team" value={query.team} options={facets.teams.map((t) => [t, t])} />
      <Select id="ff-env" name="environment" label="Environment" value={query.environment} options={facets.environments.map((e) => [e, e])} />
      <div className="field">
        <label htmlFor="ff-exceptions">Accepted risks</label>
        <select id="ff-exceptions" name="exceptions" defaultValue={query.exceptions}>
          <option value="include">Include</option>
          <option value="exclude">Leave out</option>
          <option value="only">Only</option>
        </select>
      </div>
      <input type="hidden" name="sort" value={query.sort} />
      {query.dir ? <input type="hidden" name="dir" value={query.dir} /> : null}
      <div className="filter-actions">
        <button type="submit" className="btn">
          Apply
        </button>
        <Link href="/findings" className="btn btn-ghost">
          Reset
        </Link>
      </div>
    </Form>
  );
}

function Select({ id, name, label, value, options }: { id: string; name: string; label: string; value?: string; options: [string, string][] }) {
  const all: [string, string][] = value && !options.some(([v]) => v === value) ? [[value, value], ...options] : options;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ''}>
        <option value="">Any</option>
        {all.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
