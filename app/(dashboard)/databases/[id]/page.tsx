import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/require-user';
import { roleAllows } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { scanIntervalMinutes } from '@/lib/jobs/scan-interval';
import { listTargetChecks, type TargetCheckView } from '@/lib/services/checks/list-target-checks';
import { getTarget } from '@/lib/services/targets/get-target';
import type { TargetView } from '@/lib/services/targets/target-view';
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

export default async function DatabasePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireUser();
  const { id } = await params;
  let target: TargetView;
  let checks: TargetCheckView[];
  try {
    // In parallel, so the checks are in the first HTML and the client starts with them (no waterfall).
    [target, checks] = await Promise.all([getTarget(ctx, id), listTargetChecks(ctx, id)]);
  } catch (e) {
    if (e instanceof AppError && e.code === 'not_found') notFound();
    throw e;
  }
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/databases">Databases</Link> <span aria-hidden="true">/</span> <span>{target.name}</span>
      </nav>
      <DatabaseDetail
        target={target}
        checks={checks}
        canEdit={ctx.actor.role !== 'viewer'}
        isAdmin={ctx.actor.role === 'admin'}
        canScan={roleAllows(ctx.actor.role, 'scan:run')}
        scanIntervalMinutes={scanIntervalMinutes()}
      />
    </>
  );
}
