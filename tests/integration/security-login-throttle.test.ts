import '../setup/store-env';
import { describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { checkLoginThrottle } from '../../lib/services/auth/check-login-throttle';
import { recordLoginOutcome } from '../../lib/services/auth/record-login-outcome';
import { createUser } from '../../lib/services/users/create-user';
import { verifyLogin } from '../../lib/services/auth/verify-login';
import { recordLoginLimited } from '../../lib/services/auth/record-login-limited';
import { systemContext } from '../../lib/services/service-context';
import { uniqueName } from '../setup/contexts';

const email = () => `${uniqueName('throttle')}@test.local`;
const address = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('sign-in throttle (counters in the store)', () => {
  it('limits an account after N attempts, with the seconds left in the window', async () => {
    const e = email();
    const limits = { perAccount: 3, perAddress: 1000, windowSeconds: 600 };
    for (let i = 0; i < 3; i++) {
      expect(await checkLoginThrottle(e, address(), limits)).toEqual({ allowed: true });
      await recordLoginOutcome(e, address(), false, 600);
    }
    const verdict = await checkLoginThrottle(e, address(), limits);
    expect(verdict.allowed).toBe(false);
    if (verdict.allowed) return;
    expect(verdict.scope).toBe('account');
    expect(verdict.retryAfterSeconds).toBeGreaterThan(0);
    expect(verdict.retryAfterSeconds).toBeLessThanOrEqual(600);
    // The email is normalised, so case and spaces do not open a fresh counter.
    expect((await checkLoginThrottle(`  ${e.toUpperCase()} `, address(), limits)).allowed).toBe(false);
  });

  it('a successful sign-in resets the account count', async () => {
    const e = email();
    const limits = { perAccount: 3, perAddress: 1000, windowSeconds: 600 };
    for (let i = 0; i < 2; i++) await checkLoginThrottle(e, address(), limits);
    await checkLoginThrottle(e, address(), limits);
    await recordLoginOutcome(e, address(), true, 600);
    for (let i = 0; i < 3; i++) expect((await checkLoginThrottle(e, address(), limits)).allowed).toBe(true);
    expect((await checkLoginThrottle(e, address(), limits)).allowed).toBe(false);
  });

  it('lets the account in again once the window has passed', async () => {
    const e = email();
    const limits = { perAccount: 2, perAddress: 1000, windowSeconds: 2 };
    let verdict = await checkLoginThrottle(e, address(), limits);
    for (let i = 0; i < 10 && verdict.allowed; i++) verdict = await checkLoginThrottle(e, address(), limits);
    expect(verdict.allowed).toBe(false);
    if (verdict.allowed) return;
    await sleep(verdict.retryAfterSeconds * 1000 + 50);
    expect((await checkLoginThrottle(e, address(), limits)).allowed).toBe(true);
  });

  it('holds under parallel guesses: exactly the limit gets through', async () => {
    const e = email();
    const limits = { perAccount: 5, perAddress: 1000, windowSeconds: 600 };
    const verdicts = await Promise.all(Array.from({ length: 25 }, () => checkLoginThrottle(e, address(), limits)));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
  });

  it('limits a client address spraying many accounts, counting only its failures', async () => {
    const ip = address();
    const limits = { perAccount: 100, perAddress: 4, windowSeconds: 600 };
    // Good sign-ins from a shared address never count against it.
    for (let i = 0; i < 6; i++) {
      const e = email();
      expect((await checkLoginThrottle(e, ip, limits)).allowed).toBe(true);
      await recordLoginOutcome(e, ip, true, 600);
    }
    for (let i = 0; i < 4; i++) {
      const e = email();
      expect((await checkLoginThrottle(e, ip, limits)).allowed).toBe(true);
      await recordLoginOutcome(e, ip, false, 600);
    }
    const verdict = await checkLoginThrottle(email(), ip, limits);
    expect(verdict).toMatchObject({ allowed: false, scope: 'address' });
    expect((await checkLoginThrottle(email(), address(), limits)).allowed).toBe(true);
  });

  it('audits every attempt — success, failure and limited — without the password', async () => {
    const e = email();
    const password = `Throttle-canary-${uniqueName('pw')}`;
    const user = await createUser(systemContext('test'), { email: e, password, role: 'viewer' });
    expect(await verifyLogin({ email: e, password: `${password}-wrong` })).toBeNull();
    expect(await verifyLogin({ email: e, password })).not.toBeNull();
    await recordLoginLimited(systemContext('auth'), { email: e, address: '192.0.2.1', scope: 'account', retryAfterSeconds: 30 });
    const rows = await db.auditLog.findMany({ where: { entityId: user.id, action: { startsWith: 'auth.' } }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.action)).toEqual(['auth.login_failed', 'auth.login', 'auth.login_limited']);
    const text = JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    expect(text).not.toContain(password);
    expect(text).toContain(e);
  });
});
