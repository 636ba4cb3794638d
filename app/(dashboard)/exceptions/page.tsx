import Form from 'next/form';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/require-user';
import { roleAllows } from '@/lib/access/permissions';
import { listExceptions } from '@/lib/services/exceptions/list-exceptions';
import { EmptyState } from '../../_components/empty-state';
import { PageLinks } from '../../_components/page-links';
import { ExceptionsTable } from './exceptions-table';
import { exceptionsHref, parseExceptionsQuery, type RawSearchParams } from './exceptions-query';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Exceptions' };

const tabs = [
  { state: 'active', label: 'Active' },
  { state: 'expired', label: 'Expired' },
  { state: 'revoked', label: 'Revoked' },
] as const;

export default async function ExceptionsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireUser();
  const { query, params } = parseExceptionsQuery(await searchParams);
  const result = await listExceptions(ctx, query);
  const filtered = Boolean(query.q || query.checkId || query.targetId);

  return (
    <>
      <div className="page-header">
        <div className="title-block">
          <h1>Exceptions</h1>
          <p className="muted small">Accepted risks: each leaves one finding out of the score with exceptions until it ends. The score without exceptions always counts it.</p>
        </div>
      </div>
      <nav className="tabs" aria-label="Exception states">
        {tabs.map((t) => (
          <Link key={t.state} href={exceptionsHref(params, { state: t.state, page: undefined })} className="tab" aria-current={query.state === t.state ? 'page' : undefined}>
            {t.label} <span className="tab-count">{result.counts[t.state]}</span>
          </Link>
        ))}
      </nav>
      <Form action="/exceptions" className="filters" role="search" aria-label="Filter exceptions">
        <input type="hidden" name="state" value={query.state} />
        <div className="field filter-q">
          <label htmlFor="fe-q">Database</label>
          <input id="fe-q" name="q" type="search" placeholder="Name contains" defaultValue={query.q ?? ''} />
        </div>
        <div className="filter-actions">
          <button type="submit" className="btn">
            Apply
          </button>
          <Link href={exceptionsHref({}, { state: query.state })} className="btn btn-ghost">
            Reset
          </Link>
        </div>
      </Form>
      {result.total === 0 ? (
        filtered ? (
          <EmptyState title="No exceptions match this search">
            <p>
              <Link href={exceptionsHref({}, { state: query.state })}>Clear the search</Link>.
            </p>
          </EmptyState>
        ) : query.state === 'active' ? (
          <EmptyState title="No accepted risks">
            <p>
              To accept one, open <Link href="/findings">Findings</Link> (or a failing check on a database&apos;s page), choose <strong>Accept risk</strong>,
              write the justification and pick the day it ends. Until then the finding is left out of the score with exceptions.
            </p>
          </EmptyState>
        ) : (
          <EmptyState title={query.state === 'expired' ? 'No expired exceptions' : 'No revoked exceptions'} />
        )
      ) : (
        <>
          <ExceptionsTable page={result} canRevoke={roleAllows(ctx.actor.role, 'exceptions:write')} />
          <PageLinks total={result.total} page={result.page} pageSize={result.pageSize} hrefFor={(page) => exceptionsHref(params, { page: String(page) })} />
        </>
      )}
    </>
  );
}
