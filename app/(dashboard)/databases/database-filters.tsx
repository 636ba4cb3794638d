import Form from 'next/form';
import Link from 'next/link';
import type { TargetPage } from '@/lib/services/targets/list-targets';
import { engines } from '@/lib/validations/target';
import type { ListQuery } from './list-query';

/** A GET form, so every filter lands in the URL and the list is rendered on the server. */
export function DatabaseFilters({ query, facets }: { query: ListQuery; facets: TargetPage['facets'] }) {
  return (
    <Form action="/databases" className="filters" role="search" aria-label="Filter databases">
      <div className="field filter-q">
        <label htmlFor="f-q">Search</label>
        <input id="f-q" name="q" type="search" placeholder="Name, host, service, team" defaultValue={query.q ?? ''} />
      </div>
      <div className="field">
        <label htmlFor="f-engine">Engine</label>
        <select id="f-engine" name="engine" defaultValue={query.engine ?? ''}>
          <option value="">Any</option>
          {engines.map((e) => (
            <option key={e} value={e}>
              {e}
            </option>
          ))}
        </select>
      </div>
      <FacetSelect id="f-env" name="environment" label="Environment" values={facets.environments} value={query.environment} />
      <FacetSelect id="f-team" name="team" label="Team" values={facets.teams} value={query.team} />
      <FacetSelect id="f-tag" name="tag" label="Tag" values={facets.tags} value={query.tag} />
      <div className="field">
        <label htmlFor="f-archived">Status</label>
        <select id="f-archived" name="archived" defaultValue={query.archived}>
          <option value="false">Active</option>
          <option value="true">Archived</option>
          <option value="all">All</option>
        </select>
      </div>
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <div className="filter-actions">
        <button type="submit" className="btn">
          Apply
        </button>
        <Link href="/databases" className="btn btn-ghost">
          Reset
        </Link>
      </div>
    </Form>
  );
}

function FacetSelect({ id, name, label, values, value }: { id: string; name: string; label: string; values: string[]; value?: string }) {
  const options = value && !values.includes(value) ? [value, ...values] : values;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ''}>
        <option value="">Any</option>
        {options.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </div>
  );
}
