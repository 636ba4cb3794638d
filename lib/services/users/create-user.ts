import 'server-only';
import { db } from '../../db';
import { AppError } from '../../errors/app-error';
import { hashPassword } from '../../crypto/password-hash';
import { createUserSchema, type CreateUserInput } from '../../validations/user';
import { authorize, type ServiceContext } from '../service-context';
import { writeAudit } from '../audit/write-audit';
import { isUniqueViolation } from '../targets/name-conflict';
import { toUserView, userViewSelect, type UserView } from './user-view';

export async function createUser(ctx: ServiceContext, input: CreateUserInput): Promise<UserView> {
  authorize(ctx, 'users:manage');
  const data = createUserSchema.parse(input);
  const passwordHash = await hashPassword(data.password);
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.user.create({
        data: { email: data.email, name: data.name, role: data.role, passwordHash },
        select: userViewSelect,
      });
      await writeAudit(tx, ctx, { action: 'user.create', entity: 'user', entityId: row.id, diff: { email: data.email, role: data.role } });
      return toUserView(row);
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new AppError('conflict', `A user with email ${data.email} already exists`, [{ path: 'email', message: 'is already taken' }]);
    }
    throw e;
  }
}
