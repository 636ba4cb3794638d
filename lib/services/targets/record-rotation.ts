import 'server-only';
import { db } from '../../db';
import { AppError } from '../../errors/app-error';
import { authorize, type ServiceContext } from '../service-context';
import { writeAudit } from '../audit/write-audit';
import { parseTargetId } from './parse-target-id';
import { recordRotationSchema, type RecordRotationInput } from '../../validations/target-actions';
import { toTargetView, targetViewSelect, type TargetView } from './target-view';

/** Records that the password was rotated outside Posture (e.g. by a Secret operator); password.age counts from it. */
export async function recordRotation(ctx: ServiceContext, id: string, input: RecordRotationInput): Promise<TargetView> {
  authorize(ctx, 'credentials:write');
  const targetId = parseTargetId(id);
  const { rotatedAt } = recordRotationSchema.parse(input);
  const at = rotatedAt ?? new Date();
  return db.$transaction(async (tx) => {
    const target = await tx.target.findUnique({ where: { id: targetId }, select: { credentialId: true } });
    if (!target) throw new AppError('not_found', 'Database not found');
    if (!target.credentialId) throw new AppError('conflict', 'This database has no credential to record a rotation for', [{ path: 'credential', message: 'add a credential first' }]);
    await tx.credential.update({ where: { id: target.credentialId }, data: { rotatedAt: at } });
    await writeAudit(tx, ctx, { action: 'credential.rotation_recorded', entity: 'target', entityId: targetId, diff: { rotatedAt: at } });
    return toTargetView(await tx.target.findUniqueOrThrow({ where: { id: targetId }, select: targetViewSelect }));
  });
}
