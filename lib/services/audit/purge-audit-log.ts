import 'server-only';
import { z } from 'zod';
import { db } from '../../db';
import { authorize, type ServiceContext } from '../service-context';
import { writeAudit } from './write-audit';

/** Retention keeps the audit log bounded; the purge itself is audited. */
export async function purgeAuditLog(ctx: ServiceContext, input: { olderThanDays: number }): Promise<number> {
  authorize(ctx, 'audit:read');
  const { olderThanDays } = z.object({ olderThanDays: z.number().int().min(30).max(3650) }).parse(input);
  const cutoff = new Date(Date.now() - olderThanDays * 86_400_000);
  return db.$transaction(async (tx) => {
    const { count } = await tx.auditLog.deleteMany({ where: { at: { lt: cutoff } } });
    if (count > 0) await writeAudit(tx, ctx, { action: 'audit.purge', entity: 'audit', diff: { olderThanDays, deleted: count } });
    return count;
  });
}
