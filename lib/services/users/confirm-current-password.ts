import 'server-only';
import { db } from '../../db';
import { env } from '../../env';
import { AppError } from '../../errors/app-error';
import { verifyPassword } from '../../crypto/password-hash';
import { countRateLimitHit } from '../auth/consume-rate-limit';
import { loginThrottleKeys } from '../../access/login-throttle-keys';
import type { ServiceContext } from '../service-context';
import { writeAudit } from '../audit/write-audit';
import { recordLoginLimited } from '../auth/record-login-limited';

/**
 * Before you change your own password: the current one, checked with argon2 and counted by the sign-in throttle's
 * per-account counter (so a stolen session cannot guess it faster than the login form). A wrong one is audited as
 * a failed sign-in; a right one resets the count, as a sign-in does.
 */
export async function confirmCurrentPassword(ctx: ServiceContext, userId: string, currentPassword: string | undefined): Promise<void> {
  if (currentPassword === undefined) {
    throw new AppError('bad_request', 'Changing your own password needs your current password', [{ path: 'currentPassword', message: 'is required to change your own password' }]);
  }
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!user) throw new AppError('not_found', 'User not found');
  const e = env();
  const key = loginThrottleKeys.account(user.email);
  const count = await countRateLimitHit(key, e.POSTURE_LOGIN_WINDOW_SECONDS);
  if (count.count > e.POSTURE_LOGIN_MAX_FAILURES) {
    const retryAfterSeconds = Math.max(1, Math.ceil(count.resetInSeconds));
    await recordLoginLimited(ctx, { email: user.email, scope: 'account', retryAfterSeconds });
    throw new AppError('rate_limited', `Too many password attempts for this account; try again in ${retryAfterSeconds} s`, undefined, retryAfterSeconds);
  }
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await db.$transaction((tx) =>
      writeAudit(tx, ctx, { action: 'auth.login_failed', entity: 'user', entityId: userId, diff: { email: user.email, reason: 'wrong current password', during: 'password change' } }),
    );
    throw new AppError('bad_request', 'The current password is not right', [{ path: 'currentPassword', message: 'is not your current password' }]);
  }
  await db.rateLimit.deleteMany({ where: { key } });
}
