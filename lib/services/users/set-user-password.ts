import 'server-only';
import { z } from 'zod';
import { db } from '../../db';
import { AppError } from '../../errors/app-error';
import { hashPassword } from '../../crypto/password-hash';
import { setPasswordSchema, type SetPasswordInput } from '../../validations/user';
import { authorize, type ServiceContext } from '../service-context';
import { writeAudit } from '../audit/write-audit';
import { confirmCurrentPassword } from './confirm-current-password';

/**
 * An admin sets anyone else's password as is; changing your own (any role, admins too) needs your current one.
 * Either way every session of that user ends, this one included when it is your own.
 */
export async function setUserPassword(ctx: ServiceContext, id: string, input: SetPasswordInput): Promise<void> {
  const self = ctx.actor.kind === 'user' && ctx.actor.id === id;
  if (!self) authorize(ctx, 'users:manage');
  const userId = z.uuid().safeParse(id);
  if (!userId.success) throw new AppError('not_found', 'User not found');
  const { password, currentPassword } = setPasswordSchema.parse(input);
  if (self) await confirmCurrentPassword(ctx, userId.data, currentPassword);
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const found = await tx.user.findUnique({ where: { id: userId.data }, select: { id: true } });
    if (!found) throw new AppError('not_found', 'User not found');
    await tx.user.update({ where: { id: found.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await writeAudit(tx, ctx, { action: 'user.password', entity: 'user', entityId: found.id, diff: { passwordChanged: true, own: self } });
  });
}
