import { cookies } from 'next/headers';
import { getToken } from 'next-auth/jwt';
import { usesSecureCookies } from './uses-secure-cookies';
import { db } from '../db';
import type { ServiceContext } from '../services/service-context';

/** The signed-in user's context, or null. The JWT alone is never trusted: disabled users and bumped session versions end here. */
export async function sessionContext(): Promise<ServiceContext | null> {
  const store = await cookies();
  const req = { headers: {}, cookies: Object.fromEntries(store.getAll().map((c) => [c.name, c.value])) };
  const token = await getToken({ req: req as never, secret: process.env.NEXTAUTH_SECRET, secureCookie: usesSecureCookies() });
  return contextForToken(token);
}

export async function contextForToken(token: { uid?: string; sv?: number } | null): Promise<ServiceContext | null> {
  if (!token?.uid) return null;
  const user = await db.user.findUnique({
    where: { id: token.uid },
    select: { id: true, email: true, role: true, disabledAt: true, sessionVersion: true },
  });
  if (!user || user.disabledAt || user.sessionVersion !== token.sv) return null;
  return { actor: { kind: 'user', id: user.id, email: user.email, role: user.role } };
}
