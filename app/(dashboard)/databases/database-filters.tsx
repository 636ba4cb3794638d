'use client';

import Form from 'next/form';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useTransition, type FormEvent } from 'react';
import type { TargetPage } from '@/lib/services/targets/list-targets';
import { engines } from '@/lib/validations/target';
import type { ListQuery } from './list-query';

const TYPING_PAUSE_MS = 300;

/** The form as the URL it would submit: empty fields dropped, so the address stays short. */
function formHref(form: HTMLFormElement): string {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v.trim() !== '') params.set(k, v);
  const s = params.toString();
  return s ? `/databases?${s}` : '/databases';
}

/**
 * A GET form, so every filter lands in the URL and the list is rendered on the server; with JavaScript it applies as
 * you type (after a short pause) or pick, replacing the URL, and Apply stays for keyboards and no-script browsers.
 */
export function DatabaseFilters({ query, facets }: { query: ListQuery; facets: TargetPage['facets'] }) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  // Reset, Back and Forward change the URL under the form: show what it now says, except in the field being typed in.
  useEffect(() => {
    const values: Record<string, string> = { q: query.q ?? '', engine: query.engine ?? '', environment: query.environment ?? '', team: query.team ?? '', tag: query.tag ?? '', archived: query.archived, sort: query.sort };
    for (const [name, value] of Object.entries(values)) {
      const el = formRef.current?.elements.namedItem(name);
      if ((el instanceof HTMLInputElement || el instanceof HTMLSelectElement) && el !== document.activeElement) el.value = value;
    }
  }, [query.q, query.engine, query.environment, query.team, query.tag, query.archived, query.sort]);

  function onChange(e: FormEvent<HTMLFormElement>) {
    const form = e.currentTarget;
    const typed = (e.target as HTMLElement).tagName === 'INPUT';
    if (timer.current) clearTimeout(timer.current);
    const apply = () => startTransition(() => router.replace(formHref(form), { scroll: false }));
    if (typed) timer.current = setTimeout(apply, TYPING_PAUSE_MS);
    else apply();
  }

  return (
    <Form action="/databases" className="filters" role="search" aria-label="Filter databases" aria-busy={pending} onChange={onChange} ref={formRef}>
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
      <div className="field narrow-only">
        <label htmlFor="f-sort">Sort by</label>
        <select id="f-sort" name="sort" defaultValue={query.sort}>
          {sortChoices.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      </div>
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

// On a phone the table's headers are hidden (rows become cards), so sorting moves into the form.
const sortChoices: [ListQuery['sort'], string][] = [
  ['name', 'Name'],
  ['grade', 'Grade'],
  ['lastScanAt', 'Last scan'],
  ['criticality', 'Criticality'],
  ['environment', 'Environment'],
  ['ownerTeam', 'Owner team'],
  ['engine', 'Engine'],
  ['updatedAt', 'Updated'],
];

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
