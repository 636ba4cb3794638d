import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/require-user';
import { roleAllows } from '@/lib/access/permissions';
import { AppError } from '@/lib/errors/app-error';
import { scanIntervalMinutes } from '@/lib/scan/scan-interval';
import { listTargetChecks } from '@/lib/services/checks/list-target-checks';
import { getTarget } from '@/lib/services/targets/get-target';
import { getTargetHistory } from '@/lib/services/targets/get-target-history';
import { getTargetTlsScan } from '@/lib/services/targets/get-target-tls-scan';
import { getWhatIfPlan } from '@/lib/services/targets/get-what-if-plan';
import { getVanishedWorkload } from '@/lib/services/discovery/get-vanished-workload';
import { formatDateTime } from '@/lib/ui/format-date-time';
import { listCheckEvents } from '@/lib/services/targets/list-check-events';
import { DatabaseDetail } from './database-detail';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireUser();
  try {
    return { title: (await getTarget(ctx, (await params).id)).name };
  } catch {
    return { title: 'Database' };
  }
}

async function load(ctx: Awaited<ReturnType<typeof requireUser>>, id: string) {
  try {
    // In parallel, so everything is in the first HTML and the client starts with it (no waterfall).
    const [target, checks, plan, history, events, vanished, tls] = await Promise.all([
      getTarget(ctx, id),
      listTargetChecks(ctx, id),
      getWhatIfPlan(ctx, id),
      // 90 days: the chart's longest range; the 7 and 30 day views slice it on the client.
      getTargetHistory(ctx, { targetId: id, days: 90 }),
      // A first scan alone records one event per check; 200 leaves room for the changes after it.
      listCheckEvents(ctx, { targetId: id, limit: 200 }),
      getVanishedWorkload(ctx, id),
      getTargetTlsScan(ctx, id),
    ]);
    return { target, checks, plan, history, events, vanished, tls };
  } catch (e) {
    if (e instanceof AppError && e.code === 'not_found') notFound();
    throw e;
  }
}

export default async function DatabasePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireUser();
  const { id } = await params;
  const { target, checks, plan, history, events, vanished, tls } = await load(ctx, id);
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/databases">Databases</Link> <span aria-hidden="true">/</span> <span>{target.name}</span>
      </nav>
      {vanished ? (
        <div className="alert alert-warn" role="status">
          Its workload {vanished.kind} {vanished.namespace}/{vanished.name} was no longer found in the cluster on{' '}
          {formatDateTime(vanished.goneAt)}. Archive this database if it was decommissioned, or see{' '}
          <Link href="/discovery?status=gone">Discovery</Link>.
        </div>
      ) : null}
      <DatabaseDetail
        target={target}
        checks={checks}
        plan={plan}
        history={history}
        events={events}
        tls={tls}
        canEdit={ctx.actor.role !== 'viewer'}
        isAdmin={ctx.actor.role === 'admin'}
        canScan={roleAllows(ctx.actor.role, 'scan:run')}
        scanIntervalMinutes={scanIntervalMinutes()}
      />
    </>
  );
}
