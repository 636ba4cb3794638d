import 'server-only';
import { db } from '../../db';
import { authorize, type ServiceContext } from '../service-context';
import { toUserView, userViewSelect, type UserView } from './user-view';

export async function listUsers(ctx: ServiceContext): Promise<UserView[]> {
  authorize(ctx, 'users:manage');
  const rows = await db.user.findMany({ orderBy: { email: 'asc' }, select: userViewSelect });
  return rows.map(toUserView);
}
