import { env } from '../env';
import { loginSchema } from '../validations/user';
import { verifyLogin, type LoginResult } from '../services/auth/verify-login';
import { recordLoginLimited } from '../services/auth/record-login-limited';
import { systemContext } from '../services/service-context';
import { checkLoginThrottle } from '../services/auth/check-login-throttle';
import { loginThrottleSignal } from './login-throttle-signal';
import { recordLoginOutcome } from '../services/auth/record-login-outcome';

/**
 * next-auth's authorize(): counts exactly the credentials next-auth is about to check, whatever the body type
 * or duplicated fields, under the email verifyLogin looks up (the same schema parses both) and the client
 * address. Credentials that do not parse look no account up; they count against the address only.
 */
export async function throttledSignIn(credentials: unknown, address: string): Promise<LoginResult | null> {
  const e = env();
  const limits = { perAccount: e.POSTURE_LOGIN_MAX_FAILURES, perAddress: e.POSTURE_LOGIN_MAX_FAILURES_PER_IP, windowSeconds: e.POSTURE_LOGIN_WINDOW_SECONDS };
  const parsed = loginSchema.safeParse(credentials);
  const email = parsed.success ? parsed.data.email : '';
  const verdict = await checkLoginThrottle(email, address, limits);
  if (!verdict.allowed) {
    const retryAfterSeconds = Math.max(1, Math.ceil(verdict.retryAfterSeconds));
    await recordLoginLimited(systemContext('auth'), { email, address, scope: verdict.scope, retryAfterSeconds });
    loginThrottleSignal.markLimited(retryAfterSeconds);
    return null;
  }
  const user = await verifyLogin(parsed.success ? parsed.data : credentials, address);
  await recordLoginOutcome(email, address, user !== null, limits.windowSeconds);
  return user;
}
