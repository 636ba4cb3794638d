import type { NextRequest } from 'next/server';
import { loginThrottleSignal } from './login-throttle-signal';

type RouteHandler<C> = (req: NextRequest, ctx: C) => Promise<Response>;

/**
 * Wraps next-auth's route handler. The counting happens in authorize() (lib/auth/throttled-sign-in.ts), on the
 * very credentials next-auth checks; a throttled attempt is answered here as 429 with Retry-After. `url` keeps
 * next-auth's client (signIn with redirect: false) able to read the answer.
 */
export function withLoginThrottle<C>(handler: RouteHandler<C>): RouteHandler<C> {
  return async (req, ctx) => {
    if (req.method !== 'POST') return handler(req, ctx);
    const { res, retryAfterSeconds } = await loginThrottleSignal.run(() => handler(req, ctx));
    if (retryAfterSeconds === undefined) return res;
    const url = new URL('/login?error=RateLimited', req.nextUrl.origin).toString();
    const message = `Too many sign-in attempts; try again in ${retryAfterSeconds} s`;
    return Response.json({ url, error: { code: 'rate_limited', message } }, { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } });
  };
}
