import { encode } from 'next-auth/jwt';
import { db } from '../../lib/db';
import { startAuthSession } from '../../lib/services/auth/start-auth-session';

/** A session cookie's value for a user, as a real sign-in makes it: a session row, and a JWT naming it. */
export async function sessionJwt(userId: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const sid = await startAuthSession(user.id);
  return encode({ token: { uid: user.id, sv: user.sessionVersion, sid }, secret: process.env.NEXTAUTH_SECRET! });
}
