import 'server-only';
import type { Tx } from '../../db';
import { AppError } from '../../errors/app-error';
import { formatDate } from '../../ui/format-date';
import { writeAudit } from '../audit/write-audit';
import type { ServiceContext } from '../service-context';
import { exceptionViewSelect } from './exception-view';

/**
 * One exception row and its audit, in the caller's transaction, refusing a second active one for the same database
 * and check; `path` names the field a conflict is reported on. The caller regrades the target.
 */
export async function insertException(
  tx: Tx,
  ctx: ServiceContext,
  data: { targetId: string; checkId: string; reason: string; expiresAt: Date },
  now: Date,
  path = 'checkId',
) {
  const target = await tx.target.findUnique({ where: { id: data.targetId }, select: { id: true } });
  if (!target) throw new AppError('not_found', 'Database not found', [{ path, message: 'Database not found' }]);
  // Serialises concurrent accepts of the same (target, check): "one active exception" has no unique index to lean on.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`exception:${data.targetId}:${data.checkId}`}))`;
  const active = await tx.exception.findFirst({
    where: { targetId: data.targetId, checkId: data.checkId, revokedAt: null, expiresAt: { gt: now } },
    select: { expiresAt: true },
  });
  if (active) {
    const message = `This risk is already accepted until ${formatDate(active.expiresAt.toISOString())}; revoke that exception first`;
    throw new AppError('conflict', message, [{ path, message }]);
  }
  const row = await tx.exception.create({
    data: { targetId: data.targetId, checkId: data.checkId, reason: data.reason, expiresAt: data.expiresAt, createdById: ctx.actor.kind === 'user' ? ctx.actor.id : null },
    select: exceptionViewSelect,
  });
  await writeAudit(tx, ctx, {
    action: 'exception.create',
    entity: 'exception',
    entityId: row.id,
    diff: { targetId: data.targetId, checkId: data.checkId, reason: data.reason, expiresAt: data.expiresAt },
  });
  return row;
}
