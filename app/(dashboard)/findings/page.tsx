import Link from 'next/link';
import { requireUser } from '@/lib/auth/require-user';
import { roleAllows } from '@/lib/access/permissions';
import { listFindings } from '@/lib/services/findings/list-findings';
import { EmptyState } from '../../_components/empty-state';
import { PageLinks } from '../../_components/page-links';
import { FindingsFilters } from './findings-filters';
import { FindingsTable } from './findings-table';
import { findingFilterKeys, findingsExportHref, findingsHref, parseFindingsQuery, type RawSearchParams } from './findings-query';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Findings' };

export default async function FindingsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireUser();
  const { query, params } = parseFindingsQuery(await searchParams);
  const result = await listFindings(ctx, query);
  const filtered = findingFilterKeys.some((k) => params[k] !== undefined);

  return (
    <>
      <div className="page-header">
        <div className="title-block">
          <h1>Findings</h1>
          <p className="muted small">Every failing, warning or erroring check across the active databases.</p>
        </div>
        <div className="actions">
          <a className="btn" href={findingsExportHref(params)} download>
            Export CSV
          </a>
        </div>
      </div>
      <FindingsFilters query={query} facets={result.facets} />
      {result.total === 0 ? (
        filtered ? (
          <EmptyState title="No findings match these filters">
            <p>
              <Link href="/findings">Clear the filters</Link> to see every finding.
            </p>
          </EmptyState>
        ) : (
          <EmptyState title="No findings — every check passes (or is skipped). Scan your databases to find out more." />
        )
      ) : (
        <>
          <FindingsTable page={result} params={params} canAccept={roleAllows(ctx.actor.role, 'exceptions:write')} canAssign={roleAllows(ctx.actor.role, 'inventory:write')} />
          <PageLinks total={result.total} page={result.page} pageSize={result.pageSize} hrefFor={(page) => findingsHref(params, { page: String(page) })} />
        </>
      )}
    </>
  );
}
