import Link from 'next/link';
import { requireUser } from '@/lib/auth/require-user';
import { listTargets } from '@/lib/services/targets/list-targets';
import { EmptyState } from '../../_components/empty-state';
import { DatabaseFilters } from './database-filters';
import { DatabaseTable } from './database-table';
import { PageLinks } from '../../_components/page-links';
import { listHref, parseListQuery, type RawSearchParams } from './list-query';
import { NoDatabasesYet } from '../../_components/no-databases-yet';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Databases' };

const filterKeys = ['q', 'engine', 'environment', 'team', 'tag', 'archived'];

export default async function DatabasesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireUser();
  const { query, params } = parseListQuery(await searchParams);
  const result = await listTargets(ctx, query);
  const canEdit = ctx.actor.role !== 'viewer';
  const filtered = filterKeys.some((k) => params[k] !== undefined);

  return (
    <>
      <div className="page-header">
        <h1>Databases</h1>
        {canEdit ? (
          <div className="actions">
            <Link href="/databases/new" className="btn btn-primary">
              Add database
            </Link>
          </div>
        ) : null}
      </div>
      <DatabaseFilters query={query} facets={result.facets} />
      {result.total === 0 ? (
        filtered ? (
          <EmptyState title="No databases match these filters">
            <p>
              <Link href={listHref({}, {})}>Clear the filters</Link> to see the whole inventory.
            </p>
          </EmptyState>
        ) : result.facets.environments.length > 0 ? (
          <EmptyState title="No active databases">
            <p>
              Every database in the inventory is archived. <Link href={listHref({}, { archived: 'all' })}>Show all</Link>.
            </p>
          </EmptyState>
        ) : (
          <NoDatabasesYet canEdit={canEdit} />
        )
      ) : (
        <>
          <DatabaseTable items={result.items} query={query} params={params} />
          <PageLinks total={result.total} page={query.page} pageSize={query.pageSize} hrefFor={(page) => listHref(params, { page: String(page) })} />
        </>
      )}
    </>
  );
}
