import type { NextRequest } from 'next/server';
import { getToken } from 'next-auth/jwt';
import { usesSecureCookies } from './uses-secure-cookies';
import { AppError } from '../errors/app-error';
import { env } from '../env';
import { authenticateApiToken } from '../services/tokens/authenticate-api-token';
import { revokeExposedApiTokens } from '../services/tokens/revoke-exposed-api-tokens';
import type { ServiceContext } from '../services/service-context';
import { apiTokenLike } from '../crypto/api-token-secret';
import { consumeRateLimit } from '../services/auth/consume-rate-limit';
import { contextForToken } from '../services/auth/context-for-token';

const credentialParams = new Set(['token', 'access_token', 'api_key', 'apikey', 'bearer', 'auth']);

/**
 * URLs land in proxy and access logs, so a token there is refused outright, whether or not it is valid; a live one
 * is also revoked, and the answer says so without echoing it.
 */
async function refuseTokenInUrl(req: NextRequest): Promise<void> {
  const params = [...req.nextUrl.searchParams];
  if (!params.some(([name, value]) => credentialParams.has(name.toLowerCase()) || apiTokenLike.test(value) || apiTokenLike.test(name))) return;
  const revoked = await revokeExposedApiTokens(params.flat());
  const message = 'API tokens are accepted only in the Authorization: Bearer header, never in the URL';
  throw new AppError('unauthorized', revoked > 0 ? `${message}. The token sent in the URL has been revoked, since URLs are logged; create a new one` : message);
}

function rateLimitKey(ctx: ServiceContext): string {
  const a = ctx.actor;
  return a.kind === 'system' ? `api:system:${a.name}` : `api:${a.kind}:${a.id}`;
}

/**
 * Who is calling a route handler: a bearer token when an Authorization header is sent (a bad one is a 401,
 * never a fall-back to the cookie), else the session cookie; null when neither. Every caller is rate-limited.
 */
export async function apiCallerContext(req: NextRequest): Promise<ServiceContext | null> {
  await refuseTokenInUrl(req);
  const header = req.headers.get('authorization');
  const config = env();
  const limit = config.POSTURE_API_RATE_LIMIT;
  if (header !== null) {
    const match = /^Bearer +(\S+)\s*$/i.exec(header);
    if (!match?.[1]) throw new AppError('unauthorized', 'The Authorization header must be "Bearer <token>"');
    return authenticateApiToken(match[1], limit);
  }
  const jwt = await getToken({ req, secret: config.NEXTAUTH_SECRET, secureCookie: usesSecureCookies() });
  const ctx = await contextForToken(jwt);
  if (ctx) await consumeRateLimit(rateLimitKey(ctx), limit);
  return ctx;
}
