import 'server-only';
import { z } from 'zod';
import { db } from '../../db';
import { AppError } from '../../errors/app-error';
import { updateUserSchema, type UpdateUserInput } from '../../validations/user';
import { authorize, type ServiceContext } from '../service-context';
import { writeAudit } from '../audit/write-audit';
import { changedFields } from '../audit/redact';
import { toUserView, userViewSelect, type UserView } from './user-view';

/** Role and disable changes bump the session version, so the user's open sessions end at their next request. */
export async function updateUser(ctx: ServiceContext, id: string, input: UpdateUserInput): Promise<UserView> {
  authorize(ctx, 'users:manage');
  const userId = z.uuid().safeParse(id);
  if (!userId.success) throw new AppError('not_found', 'User not found');
  const data = updateUserSchema.parse(input);
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId.data }, select: userViewSelect });
    if (!before) throw new AppError('not_found', 'User not found');
    const losesAdmin = before.role === 'admin' && ((data.role && data.role !== 'admin') || data.disabled === true);
    if (losesAdmin) {
      const admins = await tx.user.count({ where: { role: 'admin', disabledAt: null, id: { not: before.id } } });
      if (admins === 0) throw new AppError('conflict', 'This is the last active admin; make another admin first', [{ path: 'role', message: 'last active admin' }]);
    }
    const revoke = (data.role !== undefined && data.role !== before.role) || (data.disabled === true && !before.disabledAt);
    const row = await tx.user.update({
      where: { id: before.id },
      data: {
        name: data.name,
        role: data.role,
        disabledAt: data.disabled === undefined ? undefined : data.disabled ? (before.disabledAt ?? new Date()) : null,
        ...(revoke ? { sessionVersion: { increment: 1 } } : {}),
      },
      select: userViewSelect,
    });
    const view = toUserView(row);
    const prev = toUserView(before);
    await writeAudit(tx, ctx, {
      action: 'user.update',
      entity: 'user',
      entityId: row.id,
      diff: changedFields({ name: prev.name, role: prev.role, disabled: prev.disabled }, { name: view.name, role: view.role, disabled: view.disabled }),
    });
    return view;
  });
}
