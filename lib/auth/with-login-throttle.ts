import type { NextRequest } from 'next/server';
import { env } from '../env';
import { systemContext } from '../services/service-context';
import { recordLoginLimited } from '../services/auth/record-login-limited';
import { checkLoginThrottle } from './check-login-throttle';
import { clientAddress } from './client-address';
import { recordLoginOutcome } from './record-login-outcome';

type RouteHandler<C> = (req: NextRequest, ctx: C) => Promise<Response>;

const isCredentialsSignIn = (req: NextRequest) => req.method === 'POST' && /\/api\/auth\/callback\/credentials\/?$/.test(req.nextUrl.pathname);

/** next-auth answers a good sign-in by setting the session cookie; nothing else sets a non-empty one. */
const signedIn = (res: Response) => res.headers.getSetCookie().some((c) => /session-token=[^;]/.test(c));

/**
 * Wraps next-auth's route handler: credential sign-ins are throttled per account and per client address with
 * counters in the store (so every replica enforces one limit) and answered 429 with Retry-After once limited.
 * The body is read from a clone, so next-auth still reads the original.
 */
export function withLoginThrottle<C>(handler: RouteHandler<C>): RouteHandler<C> {
  return async (req, ctx) => {
    if (!isCredentialsSignIn(req)) return handler(req, ctx);
    const e = env();
    const limits = { perAccount: e.POSTURE_LOGIN_MAX_FAILURES, perAddress: e.POSTURE_LOGIN_MAX_FAILURES_PER_IP, windowSeconds: e.POSTURE_LOGIN_WINDOW_SECONDS };
    const form = new URLSearchParams(await req.clone().text().catch(() => ''));
    const email = (form.get('email') ?? '').slice(0, 254);
    const address = clientAddress(req.headers, e.POSTURE_TRUSTED_PROXY_HOPS);
    const verdict = await checkLoginThrottle(email, address, limits);
    if (!verdict.allowed) {
      const retryAfter = Math.max(1, Math.ceil(verdict.retryAfterSeconds));
      await recordLoginLimited(systemContext('auth'), { email, address, scope: verdict.scope, retryAfterSeconds: retryAfter });
      const url = new URL('/login?error=RateLimited', req.nextUrl.origin).toString();
      const message = `Too many sign-in attempts; try again in ${retryAfter} s`;
      // `url` keeps next-auth's client (signIn with redirect: false) able to read the answer.
      return Response.json({ url, error: { code: 'rate_limited', message } }, { status: 429, headers: { 'retry-after': String(retryAfter) } });
    }
    const res = await handler(req, ctx);
    await recordLoginOutcome(email, address, signedIn(res), limits.windowSeconds);
    return res;
  };
}
