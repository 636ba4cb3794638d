import 'server-only';
import { db } from '../../db';
import { AppError } from '../../errors/app-error';
import { authorize, type ServiceContext } from '../service-context';
import { writeAudit } from '../audit/write-audit';
import { parseTargetId } from './parse-target-id';

/** Deletes the target with its history and its credential. */
export async function deleteTarget(ctx: ServiceContext, id: string): Promise<void> {
  authorize(ctx, 'inventory:write');
  const targetId = parseTargetId(id);
  await db.$transaction(async (tx) => {
    const row = await tx.target.findUnique({ where: { id: targetId }, select: { name: true, credentialId: true } });
    if (!row) throw new AppError('not_found', 'Database not found');
    await tx.target.delete({ where: { id: targetId } });
    if (row.credentialId) await tx.credential.delete({ where: { id: row.credentialId } });
    await writeAudit(tx, ctx, { action: 'target.delete', entity: 'target', entityId: targetId, diff: { name: row.name } });
  });
}
