import 'server-only';
import { db } from '../../db';
import { countRateLimitHit } from './consume-rate-limit';
import { loginThrottleKeys } from '../../access/login-throttle-keys';

/** After the password was checked: a success clears the account's count, a failure counts against the address. */
export async function recordLoginOutcome(email: string, address: string, ok: boolean, windowSeconds: number): Promise<void> {
  if (ok) {
    if (email.trim()) await db.rateLimit.deleteMany({ where: { key: loginThrottleKeys.account(email) } });
    return;
  }
  await countRateLimitHit(loginThrottleKeys.address(address), windowSeconds);
}
