import { cookies } from 'next/headers';
import { getToken } from 'next-auth/jwt';
import { usesSecureCookies } from './uses-secure-cookies';
import { env } from '../env';
import { contextForToken } from '../services/auth/context-for-token';
import type { ServiceContext } from '../services/service-context';

/** The signed-in user's context, or null. The JWT alone is never trusted: see contextForToken. */
export async function sessionContext(): Promise<ServiceContext | null> {
  const store = await cookies();
  const req = { headers: {}, cookies: Object.fromEntries(store.getAll().map((c) => [c.name, c.value])) };
  const token = await getToken({ req: req as never, secret: env().NEXTAUTH_SECRET, secureCookie: usesSecureCookies() });
  return contextForToken(token);
}
