import Form from 'next/form';
import Link from 'next/link';
import type { FindingPage } from '@/lib/services/findings/list-findings';
import { expiryWindowChoices, findingSeverities, findingStatuses } from '@/lib/validations/finding';
import { MultiSelectFilter } from '../../_components/multi-select-filter';
import type { FindingsQuery } from './findings-query';

const flat = (values: readonly string[]) => [{ options: values.map((v) => ({ value: v, text: v })) }];

/** A GET form, so every filter lands in the URL and the list is rendered on the server. */
export function FindingsFilters({ query, facets }: { query: FindingsQuery; facets: FindingPage['facets'] }) {
  return (
    // keyed by the query, so the multi-selects start again from the URL after Apply or Reset
    <Form key={JSON.stringify(query)} action="/findings" className="filters" role="search" aria-label="Filter findings">
      <div className="field filter-q">
        <label htmlFor="ff-q">Database</label>
        <input id="ff-q" name="q" type="search" placeholder="Name contains" defaultValue={query.q ?? ''} />
      </div>
      <MultiSelectFilter name="severity" label="Severity" value={query.severity ?? []} groups={flat(findingSeverities)} />
      <MultiSelectFilter name="status" label="Status" value={query.status ?? []} groups={flat(findingStatuses)} />
      <MultiSelectFilter
        name="checkId"
        label="Check"
        value={query.checkId ?? []}
        searchable
        groups={facets.checkGroups.map((g) => ({ label: g.label, options: g.checks.map((c) => ({ value: c.id, text: c.title, hint: c.id })) }))}
      />
      <MultiSelectFilter name="team" label="Team" value={query.team ?? []} groups={flat(facets.teams)} />
      <MultiSelectFilter name="environment" label="Environment" value={query.environment ?? []} groups={flat(facets.environments)} />
      <div className="field">
        <label htmlFor="ff-expiry">Certificate expires</label>
        <select id="ff-expiry" name="expiresWithinDays" defaultValue={query.expiresWithinDays === undefined ? '' : String(query.expiresWithinDays)}>
          <option value="">Any time</option>
          {[...new Set([...expiryWindowChoices, ...(query.expiresWithinDays === undefined ? [] : [query.expiresWithinDays])])]
            .sort((a, b) => a - b)
            .map((d) => (
              <option key={d} value={String(d)}>
                within {d} days
              </option>
            ))}
        </select>
      </div>
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
