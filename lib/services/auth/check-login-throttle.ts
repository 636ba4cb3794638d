import 'server-only';
import { countRateLimitHit } from './consume-rate-limit';
import { loginThrottleKeys } from '../../access/login-throttle-keys';
import { peekRateLimit } from './peek-rate-limit';

export interface LoginThrottleLimits {
  perAccount: number;
  perAddress: number;
  windowSeconds: number;
}

export type LoginThrottleVerdict = { allowed: true } | { allowed: false; scope: 'account' | 'address'; retryAfterSeconds: number };

/**
 * Called before a password is checked. The account's counter counts every attempt up front (atomically in
 * the store, so parallel guesses across replicas cannot overshoot) and a success resets it; the client
 * address only counts failures, so one shared office address is not locked by its users' good sign-ins.
 */
export async function checkLoginThrottle(email: string, address: string, limits: LoginThrottleLimits): Promise<LoginThrottleVerdict> {
  const ip = await peekRateLimit(loginThrottleKeys.address(address), limits.windowSeconds);
  if (ip.count >= limits.perAddress) return { allowed: false, scope: 'address', retryAfterSeconds: ip.resetInSeconds };
  if (email.trim()) {
    const account = await countRateLimitHit(loginThrottleKeys.account(email), limits.windowSeconds);
    if (account.count > limits.perAccount) return { allowed: false, scope: 'account', retryAfterSeconds: account.resetInSeconds };
  }
  return { allowed: true };
}
