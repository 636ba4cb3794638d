import 'server-only';
import { db } from '../../db';
import { checkCatalog } from '../../checks/check-catalog';
import { AppError } from '../../errors/app-error';
import { regradeTarget } from '../../scan/regrade-target';
import { formatDate } from '../../ui/format-date';
import { createExceptionSchema, type CreateExceptionInput } from '../../validations/exception';
import { writeAudit } from '../audit/write-audit';
import { authorize, type ServiceContext } from '../service-context';
import { exceptionViewSelect, toExceptionView, type ExceptionView } from './exception-view';

const catalogIds = new Set(checkCatalog.map((c) => c.id));

/** Accepts the risk of one check on one database until a date; the target's with-exceptions grade changes in the same transaction. */
export async function createException(ctx: ServiceContext, input: CreateExceptionInput): Promise<ExceptionView> {
  authorize(ctx, 'exceptions:write');
  const now = new Date();
  const data = createExceptionSchema(now, catalogIds).parse(input);
  return db.$transaction(async (tx) => {
    const target = await tx.target.findUnique({ where: { id: data.targetId }, select: { id: true } });
    if (!target) throw new AppError('not_found', 'Database not found');
    // Serialises concurrent accepts of the same (target, check): "one active exception" has no unique index to lean on.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`exception:${data.targetId}:${data.checkId}`}))`;
    const active = await tx.exception.findFirst({
      where: { targetId: data.targetId, checkId: data.checkId, revokedAt: null, expiresAt: { gt: now } },
      select: { expiresAt: true },
    });
    if (active) {
      const message = `This risk is already accepted until ${formatDate(active.expiresAt.toISOString())}; revoke that exception first`;
      throw new AppError('conflict', message, [{ path: 'checkId', message }]);
    }
    const row = await tx.exception.create({
      data: {
        targetId: data.targetId,
        checkId: data.checkId,
        reason: data.reason,
        expiresAt: data.expiresAt,
        createdById: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      },
      select: exceptionViewSelect,
    });
    await writeAudit(tx, ctx, {
      action: 'exception.create',
      entity: 'exception',
      entityId: row.id,
      diff: { targetId: data.targetId, checkId: data.checkId, reason: data.reason, expiresAt: data.expiresAt },
    });
    await regradeTarget(tx, data.targetId, now);
    return toExceptionView(row, now);
  });
}
