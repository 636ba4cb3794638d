import 'server-only';
import { z } from 'zod';
import { db } from '../../db';
import type { ServiceContext } from '../service-context';

/** The claims Posture puts in its session JWT. */
export interface SessionToken {
  uid?: string;
  sv?: number;
  sid?: string;
}

const uuid = z.uuid();

/**
 * A JWT is a session only while its session row is live (not signed out, not expired) and its user is enabled
 * with the same session version (a password or role change ends every session). One query per request.
 */
export async function contextForToken(token: SessionToken | null): Promise<ServiceContext | null> {
  if (!token?.uid || !uuid.safeParse(token.sid).success) return null;
  const session = await db.authSession.findUnique({
    where: { id: token.sid },
    select: { userId: true, expiresAt: true, revokedAt: true, user: { select: { id: true, email: true, role: true, disabledAt: true, sessionVersion: true } } },
  });
  if (!session || session.userId !== token.uid || session.revokedAt || session.expiresAt.getTime() <= Date.now()) return null;
  const { user } = session;
  if (user.disabledAt || user.sessionVersion !== token.sv) return null;
  return { actor: { kind: 'user', id: user.id, email: user.email, role: user.role } };
}
