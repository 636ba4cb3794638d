import 'server-only';
import { randomUUID } from 'node:crypto';
import { db } from '../../db';
import { AppError } from '../../errors/app-error';
import { jobQueue } from '../../queue/job-queue-client';
import { SCAN_QUEUE_NAME } from '../../queue/scan-queue-name';
import { authorize, type ServiceContext } from '../service-context';
import { writeAudit } from '../audit/write-audit';
import { parseTargetId } from '../targets/parse-target-id';
import { scanViewSelect, toScanView, type ScanView } from './scan-view';

/** "Scan now": a queued Scan row, then a job whose id is the scan's, so a retry of this request cannot double it. */
export async function requestScan(ctx: ServiceContext, input: { targetId: string; trigger?: 'manual' | 'api' }): Promise<ScanView> {
  authorize(ctx, 'scan:run');
  const targetId = parseTargetId(input.targetId);
  const scan = await db.$transaction(async (tx) => {
    const target = await tx.target.findUnique({ where: { id: targetId }, select: { archivedAt: true } });
    if (!target) throw new AppError('not_found', 'Database not found');
    if (target.archivedAt) throw new AppError('conflict', 'This database is archived; unarchive it to scan it');
    const row = await tx.scan.create({
      data: { targetId, trigger: input.trigger ?? 'manual', status: 'queued', slot: `manual:${randomUUID()}` },
      select: scanViewSelect,
    });
    await writeAudit(tx, ctx, { action: 'scan.request', entity: 'target', entityId: targetId, diff: { scanId: row.id } });
    return row;
  });
  const boss = await jobQueue();
  await boss.send(SCAN_QUEUE_NAME, { scanId: scan.id }, { id: scan.id });
  return toScanView(scan);
}
