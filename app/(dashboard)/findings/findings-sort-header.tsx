import Link from 'next/link';
import { findingsHref } from './findings-query';

interface Props {
  field: 'severity' | 'target' | 'check' | 'since';
  label: string;
  sort: Props['field'];
  dir: 'asc' | 'desc';
  params: Record<string, string>;
}

/** A column header that sorts the list on the server; a second click flips the direction. */
export function FindingsSortHeader({ field, label, sort, dir, params }: Props) {
  const active = sort === field;
  const next = active ? (dir === 'asc' ? 'desc' : 'asc') : undefined;
  return (
    <th scope="col" aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <Link href={findingsHref(params, { sort: field, dir: next, page: undefined })} className={`sort-link${active ? ' sort-active' : ''}`}>
        {label}
        <span className="sort-icon" aria-hidden="true">
          {active ? (dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </Link>
    </th>
  );
}
