import { db } from '../../db';
import { AppError } from '../../errors/app-error';
import { Prisma } from '../../generated/prisma/client';
import { updateTargetSchema, type UpdateTargetInput } from '../../validations/target';
import { authorize, type ServiceContext } from '../service-context';
import { writeAudit } from '../audit/write-audit';
import { changedFields } from '../audit/redact';
import { loadNetworkPolicy } from '../settings/load-network-policy';
import { assertHostAllowed } from './assert-host-allowed';
import { isUniqueViolation, nameConflict } from './name-conflict';
import { parseTargetId } from './parse-target-id';
import { toBackupColumns, toTargetView, targetViewSelect, type TargetView } from './target-view';

export async function updateTarget(ctx: ServiceContext, id: string, input: UpdateTargetInput): Promise<TargetView> {
  authorize(ctx, 'inventory:write');
  const targetId = parseTargetId(id);
  const data = updateTargetSchema.parse(input);
  if (data.allowPlaintextLogin !== undefined) authorize(ctx, 'security:override');
  const { kubernetes, backup, ...fields } = data;
  if (fields.host !== undefined) await assertHostAllowed(fields.host, await loadNetworkPolicy(db));
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.target.findUnique({ where: { id: targetId }, select: targetViewSelect });
      if (!before) throw new AppError('not_found', 'Database not found');
      const row = await tx.target.update({
        where: { id: targetId },
        data: {
          ...fields,
          ...(kubernetes !== undefined ? { k8s: kubernetes === null ? Prisma.DbNull : (kubernetes as Prisma.InputJsonValue) } : {}),
          ...toBackupColumns(backup),
        },
        select: targetViewSelect,
      });
      const prev = toTargetView(before);
      const next = toTargetView(row);
      const keys = Object.keys(data) as (keyof TargetView)[];
      const pick = (v: TargetView) => Object.fromEntries(keys.map((k) => [k, v[k]]));
      await writeAudit(tx, ctx, { action: 'target.update', entity: 'target', entityId: targetId, diff: changedFields(pick(prev), pick(next)) });
      return next;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw nameConflict(String(fields.name));
    throw e;
  }
}
