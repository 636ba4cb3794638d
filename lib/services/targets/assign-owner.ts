import 'server-only';
import { db } from '../../db';
import { AppError } from '../../errors/app-error';
import { assignOwnerSchema, type AssignOwnerInput } from '../../validations/assign-owner';
import { writeAudit } from '../audit/write-audit';
import { changedFields } from '../audit/redact';
import { authorize, type ServiceContext } from '../service-context';

/** Gives several databases an owner in one transaction, all or none (a missing database refuses the lot); one audit row per database changed. */
export async function assignOwner(ctx: ServiceContext, input: AssignOwnerInput): Promise<{ updated: number }> {
  authorize(ctx, 'inventory:write');
  const data = assignOwnerSchema.parse(input);
  const change = {
    ...(data.ownerTeam !== undefined ? { ownerTeam: data.ownerTeam } : {}),
    ...(data.ownerEmail !== undefined ? { ownerEmail: data.ownerEmail } : {}),
  };
  return db.$transaction(async (tx) => {
    const before = await tx.target.findMany({ where: { id: { in: data.targetIds } }, select: { id: true, ownerTeam: true, ownerEmail: true } });
    if (before.length !== data.targetIds.length) {
      const missing = data.targetIds.findIndex((id) => !before.some((t) => t.id === id));
      throw new AppError('not_found', 'Database not found', [{ path: `targetIds.${missing}`, message: 'Database not found' }]);
    }
    let updated = 0;
    for (const t of before) {
      const diff = changedFields({ ownerTeam: t.ownerTeam, ownerEmail: t.ownerEmail }, { ownerTeam: t.ownerTeam, ownerEmail: t.ownerEmail, ...change });
      if (Object.keys(diff as Record<string, unknown>).length === 0) continue;
      await tx.target.update({ where: { id: t.id }, data: change });
      await writeAudit(tx, ctx, { action: 'target.update', entity: 'target', entityId: t.id, diff });
      updated++;
    }
    return { updated };
  }, { timeout: 30_000 });
}
