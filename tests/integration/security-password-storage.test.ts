import '../setup/store-env';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { toAppError } from '../../lib/errors/to-app-error';
import { commonPasswords } from '../../lib/validations/common-passwords';
import { createUser } from '../../lib/services/users/create-user';
import { setUserPassword } from '../../lib/services/users/set-user-password';
import { ensureAdmin } from '../../lib/services/users/ensure-admin';
import { verifyLogin } from '../../lib/services/auth/verify-login';
import { createApiToken } from '../../lib/services/tokens/create-api-token';
import { systemContext } from '../../lib/services/service-context';
import { adminCtx, uniqueName } from '../setup/contexts';

const email = () => `${uniqueName('pw')}@test.local`;
const argon2id = /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/;
const root = path.resolve(import.meta.dirname, '../..');

/** The user's row exactly as stored, every column as text. */
async function rawUserRow(address: string): Promise<Record<string, string | null>> {
  const rows = await db.$queryRaw<Record<string, string | null>[]>`SELECT to_jsonb(u)::text AS row FROM "User" u WHERE email = ${address}`;
  return JSON.parse(rows[0]!.row as string) as Record<string, string | null>;
}

async function refusedField(p: Promise<unknown>): Promise<string[]> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e, 'expected a refusal').not.toBeNull();
  const err = toAppError(e);
  expect(err.code).toBe('bad_request');
  return (err.details ?? []).map((d) => `${d.path}: ${d.message}`);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return f === 'generated' || f === 'node_modules' ? [] : sourceFiles(p);
    return /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });
}

describe('password storage', () => {
  it('every place that sets a password is one of the three tested here', () => {
    const writers = [...sourceFiles(path.join(root, 'lib')), ...sourceFiles(path.join(root, 'app')), ...sourceFiles(path.join(root, 'scripts'))]
      .filter((f) => /\bpasswordHash\b/.test(readFileSync(f, 'utf8')) && /hashPassword\(/.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f))
      .sort();
    // A new one must be added to the tests below, which prove it refuses common passwords and stores argon2id.
    expect(writers).toEqual(['lib/services/users/create-user.ts', 'lib/services/users/ensure-admin.ts', 'lib/services/users/set-user-password.ts']);
  });

  it('create and set-password: argon2id in the raw row, 64+ characters accepted, over 256 refused, common ones refused', async () => {
    const e = email();
    const long = `${'correct horse battery staple '.repeat(3)}and more`.slice(0, 80);
    expect(long.length).toBeGreaterThanOrEqual(64);
    const user = await createUser(adminCtx, { email: e, role: 'viewer', password: long });
    const row = await rawUserRow(e);
    expect(row.passwordHash).toMatch(argon2id);
    expect(JSON.stringify(row)).not.toContain(long);
    expect(await verifyLogin({ email: e, password: long })).not.toBeNull();

    const max = 'x1Y2z3'.repeat(43).slice(0, 256);
    await setUserPassword(adminCtx, user.id, { password: max });
    expect((await rawUserRow(e)).passwordHash).toMatch(argon2id);
    expect(await verifyLogin({ email: e, password: max })).not.toBeNull();
    expect(await refusedField(setUserPassword(adminCtx, user.id, { password: `${max}!` }))).toEqual(['password: must be at most 256 characters']);

    for (const common of ['password123', 'PASSWORD123', 'correcthorsebatterystaple', 'Password123!']) {
      expect(await refusedField(createUser(adminCtx, { email: email(), role: 'viewer', password: common }))).toContain('password: is too common; choose another');
      expect(await refusedField(setUserPassword(adminCtx, user.id, { password: common }))).toContain('password: is too common; choose another');
    }
    expect(await verifyLogin({ email: e, password: max })).not.toBeNull();
  });

  it('the first-admin bootstrap refuses a common password and stores argon2id', async () => {
    // Only without an active admin does bootstrap set a password; park the run's admins and put them back after.
    const active = await db.user.findMany({ where: { role: 'admin', disabledAt: null }, select: { id: true } });
    await db.user.updateMany({ where: { id: { in: active.map((a) => a.id) } }, data: { disabledAt: new Date() } });
    const e = email();
    try {
      expect(await refusedField(ensureAdmin({ email: e, password: 'passwordpassword' }))).toEqual(['password: is too common; choose another']);
      expect(await db.user.findUnique({ where: { email: e } })).toBeNull();
      const password = `a-bootstrap-passphrase-that-is-comfortably-longer-than-sixty-four-chars`;
      expect(await ensureAdmin({ email: e, password })).toMatchObject({ status: 'created' });
      expect((await rawUserRow(e)).passwordHash).toMatch(argon2id);
    } finally {
      await db.user.deleteMany({ where: { email: e } });
      await db.user.updateMany({ where: { id: { in: active.map((a) => a.id) } }, data: { disabledAt: null } });
    }
  });

  it('every common password long enough to pass the length rule is still refused, in any case', async () => {
    const user = await createUser(adminCtx, { email: email(), role: 'viewer', password: 'a-fine-long-passphrase' });
    const longEnough = [...commonPasswords].filter((c) => c.length >= 12);
    expect(longEnough.length).toBeGreaterThan(20);
    for (const p of [...longEnough, ...longEnough.map((c) => c.toUpperCase())]) {
      expect(await refusedField(setUserPassword(adminCtx, user.id, { password: p })), p).toEqual(['password: is too common; choose another']);
    }
  });
});

describe('API token storage', () => {
  it('the raw row holds the SHA-256 of the token and no part of its secret', async () => {
    const { token } = await createApiToken(systemContext('test'), { name: uniqueName('raw'), scopes: ['read'] });
    const rows = await db.$queryRaw<{ row: string }[]>`SELECT to_jsonb(t)::text AS row FROM "ApiToken" t WHERE prefix = ${token.slice(0, 12)}`;
    const row = JSON.parse(rows[0]!.row) as Record<string, unknown>;
    const { createHash } = await import('node:crypto');
    expect(row.secretHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(rows[0]!.row).not.toContain(token.slice(12));
  });
});
