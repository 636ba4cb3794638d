import 'server-only';
import { db } from '../../db';
import { authorize, type ServiceContext } from '../service-context';

/** Drops session rows past their expiry (revoked or not): such a session is refused anyway, the row only takes space. */
export async function purgeExpiredSessions(ctx: ServiceContext): Promise<number> {
  authorize(ctx, 'users:manage');
  const { count } = await db.authSession.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  return count;
}
