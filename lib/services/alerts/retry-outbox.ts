import 'server-only';
import { z } from 'zod';
import { db } from '../../db';
import { AppError } from '../../errors/app-error';
import { writeAudit } from '../audit/write-audit';
import { authorize, type ServiceContext } from '../service-context';
import { outboxViewSelect, toOutboxView, type OutboxView } from './outbox-view';

/** Gives a dead email a fresh set of attempts; the normal delivery path sends it (within a minute). */
export async function retryOutbox(ctx: ServiceContext, id: string): Promise<OutboxView> {
  authorize(ctx, 'alerts:manage');
  const parsed = z.uuid().safeParse(id);
  if (!parsed.success) throw new AppError('not_found', 'Email not found');
  return db.$transaction(async (tx) => {
    // Conditional: of two concurrent retries exactly one changes the row and is audited.
    const { count } = await tx.outbox.updateMany({ where: { id: parsed.data, status: 'dead' }, data: { status: 'pending', attempts: 0, nextAttemptAt: new Date() } });
    const row = await tx.outbox.findUnique({ where: { id: parsed.data }, select: outboxViewSelect });
    if (!row) throw new AppError('not_found', 'Email not found');
    if (count === 0) throw new AppError('conflict', `Only a dead email can be retried; this one is ${row.status}`);
    await writeAudit(tx, ctx, { action: 'outbox.retry', entity: 'outbox', entityId: row.id, diff: { kind: row.kind, subject: row.subject, lastError: row.lastError } });
    const target = row.targetId ? await tx.target.findUnique({ where: { id: row.targetId }, select: { id: true, name: true } }) : null;
    return toOutboxView(row, new Map(target ? [[target.id, target.name]] : []));
  });
}
