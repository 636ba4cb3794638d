import Link from 'next/link';
import { listHref, type ListQuery } from './list-query';

interface Props {
  field: ListQuery['sort'];
  label: string;
  query: ListQuery;
  params: Record<string, string>;
}

export function SortHeader({ field, label, query, params }: Props) {
  const active = query.sort === field;
  const dir = active && query.dir === 'asc' ? 'desc' : 'asc';
  return (
    <th scope="col" aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <Link href={listHref(params, { sort: field, dir, page: undefined })} className={`sort-link${active ? ' sort-active' : ''}`}>
        {label}
        <span className="sort-icon" aria-hidden="true">
          {active ? (query.dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </Link>
    </th>
  );
}
