import 'server-only';
import { z } from 'zod';
import { db } from '../../db';
import { AppError } from '../../errors/app-error';
import { regradeExceptionTargets } from '../../scan/regrade-exception-targets';
import { writeAudit } from '../audit/write-audit';
import { authorize, type ServiceContext } from '../service-context';
import { exceptionViewSelect, toExceptionView, type ExceptionView } from './exception-view';

/** Ends a risk acceptance now: the finding counts against the grade again at once, without waiting for a scan. */
export async function revokeException(ctx: ServiceContext, id: string): Promise<ExceptionView> {
  authorize(ctx, 'exceptions:write');
  const parsed = z.uuid().safeParse(id);
  if (!parsed.success) throw new AppError('not_found', 'Exception not found');
  const now = new Date();
  return db.$transaction(async (tx) => {
    // Conditional update: of two concurrent revokes, exactly one changes the row and writes the audit entry.
    const { count } = await tx.exception.updateMany({ where: { id: parsed.data, revokedAt: null, expiresAt: { gt: now } }, data: { revokedAt: now } });
    const row = await tx.exception.findUnique({ where: { id: parsed.data }, select: exceptionViewSelect });
    if (!row) throw new AppError('not_found', 'Exception not found');
    if (count === 0) throw new AppError('conflict', row.revokedAt ? 'This exception was already revoked' : 'This exception has already expired');
    const found = { targetId: row.targetId, checkId: row.checkId };
    await writeAudit(tx, ctx, { action: 'exception.revoke', entity: 'exception', entityId: row.id, diff: found });
    await regradeExceptionTargets(tx, found, now);
    return toExceptionView(row, now);
  });
}
