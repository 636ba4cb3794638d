import '../setup/store-env';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { env } from '../../lib/env';
import { AppError } from '../../lib/errors/app-error';
import { loginThrottleKeys } from '../../lib/access/login-throttle-keys';
import { createUser } from '../../lib/services/users/create-user';
import { setUserPassword } from '../../lib/services/users/set-user-password';
import { verifyLogin } from '../../lib/services/auth/verify-login';
import type { ServiceContext } from '../../lib/services/service-context';
import { adminCtx, uniqueName } from '../setup/contexts';

async function newUser(role: 'viewer' | 'editor' | 'admin' = 'viewer') {
  const email = `${uniqueName('own')}@test.local`;
  const password = `Own-password-${randomBytes(9).toString('base64url')}`;
  const user = await createUser(adminCtx, { email, password, role });
  const ctx: ServiceContext = { actor: { kind: 'user', id: user.id, email, role } };
  return { id: user.id, email, password, ctx };
}

const refusal = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as AppError);
const fresh = () => `Fresh-passphrase-${randomBytes(9).toString('base64url')}`;
const row = (id: string) => db.user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true, sessionVersion: true } });

describe('changing your own password', () => {
  it.each(['viewer', 'editor', 'admin'] as const)('a %s must give the current one; a missing or wrong one changes nothing', async (role) => {
    const u = await newUser(role);
    const before = await row(u.id);
    const missing = await refusal(setUserPassword(u.ctx, u.id, { password: fresh() }));
    expect(missing?.code).toBe('bad_request');
    expect(missing?.details).toEqual([{ path: 'currentPassword', message: 'is required to change your own password' }]);
    const wrong = await refusal(setUserPassword(u.ctx, u.id, { password: fresh(), currentPassword: `${u.password}x` }));
    expect(wrong?.code).toBe('bad_request');
    expect(wrong?.details).toEqual([{ path: 'currentPassword', message: 'is not your current password' }]);
    expect(await row(u.id)).toEqual(before);
    expect(await verifyLogin({ email: u.email, password: u.password })).not.toBeNull();

    const next = fresh();
    await setUserPassword(u.ctx, u.id, { password: next, currentPassword: u.password });
    expect(await verifyLogin({ email: u.email, password: next })).not.toBeNull();
    expect((await row(u.id)).sessionVersion).toBe(before.sessionVersion + 1);
  });

  it('a wrong current password is a failed sign-in for that account: audited without secrets, and throttled', async () => {
    const u = await newUser();
    const guesses: string[] = [];
    const limit = env().POSTURE_LOGIN_MAX_FAILURES;
    for (let i = 0; i < limit; i++) {
      guesses.push(`guess-${randomBytes(6).toString('hex')}`);
      expect((await refusal(setUserPassword(u.ctx, u.id, { password: fresh(), currentPassword: guesses[i]! })))?.code).toBe('bad_request');
    }
    const limited = await refusal(setUserPassword(u.ctx, u.id, { password: fresh(), currentPassword: u.password }));
    expect(limited?.code).toBe('rate_limited');
    expect(limited?.retryAfterSeconds).toBeGreaterThan(0);
    // The sign-in form shares the counter: the account's key is over its limit for a login too.
    const key = await db.rateLimit.findUniqueOrThrow({ where: { key: loginThrottleKeys.account(u.email) } });
    expect(key.count).toBeGreaterThan(limit);
    const audit = await db.auditLog.findMany({ where: { entityId: u.id, action: { in: ['auth.login_failed', 'auth.login_limited'] } } });
    expect(audit.filter((a) => a.action === 'auth.login_failed')).toHaveLength(limit);
    expect(audit.filter((a) => a.action === 'auth.login_limited')).toHaveLength(1);
    const text = JSON.stringify(audit.map((a) => a.diff));
    for (const secret of [u.password, ...guesses]) expect(text).not.toContain(secret);
  });

  it('a right current password resets the account count, as a sign-in does', async () => {
    const u = await newUser();
    await refusal(setUserPassword(u.ctx, u.id, { password: fresh(), currentPassword: 'wrong-one' }));
    const next = fresh();
    await setUserPassword(u.ctx, u.id, { password: next, currentPassword: u.password });
    expect(await db.rateLimit.count({ where: { key: loginThrottleKeys.account(u.email) } })).toBe(0);
    const audit = await db.auditLog.findMany({ where: { entityId: u.id, action: 'user.password' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.diff).toMatchObject({ own: true });
    expect(JSON.stringify(audit.map((a) => a.diff))).not.toContain(next);
  });

  it("an admin sets someone else's password without theirs; a non-admin cannot", async () => {
    const admin = await newUser('admin');
    const other = await newUser();
    const next = fresh();
    await setUserPassword(admin.ctx, other.id, { password: next });
    expect(await verifyLogin({ email: other.email, password: next })).not.toBeNull();
    const editor = await newUser('editor');
    expect((await refusal(setUserPassword(editor.ctx, other.id, { password: fresh(), currentPassword: next })))?.code).toBe('forbidden');
  });
});
