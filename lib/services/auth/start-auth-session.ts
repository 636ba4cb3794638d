import 'server-only';
import { db } from '../../db';
import { sessionLifetimeSeconds } from '../../access/session-lifetime';

/** Records a new sign-in's session; its id goes into the JWT, so the session can be ended server-side. */
export async function startAuthSession(userId: string): Promise<string> {
  const now = Date.now();
  const row = await db.authSession.create({
    data: { userId, createdAt: new Date(now), expiresAt: new Date(now + sessionLifetimeSeconds * 1000) },
    select: { id: true },
  });
  return row.id;
}
