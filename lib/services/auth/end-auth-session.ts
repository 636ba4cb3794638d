import 'server-only';
import { z } from 'zod';
import { db } from '../../db';
import { systemContext } from '../service-context';
import { writeAudit } from '../audit/write-audit';

const sessionToken = z.object({ uid: z.uuid(), sid: z.uuid() });

/** Sign-out: the session's row is revoked, so a copy of its cookie replayed later is refused; audited. */
export async function endAuthSession(token: unknown): Promise<void> {
  const parsed = sessionToken.safeParse(token);
  if (!parsed.success) return;
  const { uid, sid } = parsed.data;
  await db.$transaction(async (tx) => {
    const { count } = await tx.authSession.updateMany({ where: { id: sid, userId: uid, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count > 0) await writeAudit(tx, systemContext('auth'), { action: 'auth.logout', entity: 'user', entityId: uid, diff: { session: sid } });
  });
}
