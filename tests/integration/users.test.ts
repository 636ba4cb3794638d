import { describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { AppError } from '../../lib/errors/app-error';
import { createUser } from '../../lib/services/users/create-user';
import { updateUser } from '../../lib/services/users/update-user';
import { setUserPassword } from '../../lib/services/users/set-user-password';
import { listUsers } from '../../lib/services/users/list-users';
import { verifyLogin } from '../../lib/services/auth/verify-login';
import { contextForToken } from '../../lib/services/auth/context-for-token';
import { startAuthSession } from '../../lib/services/auth/start-auth-session';
import { adminCtx, editorCtx, uniqueName } from '../setup/contexts';

const pw = 'a-long-enough-passphrase';
const email = () => `${uniqueName('u')}@example.test`;

async function errorOf(p: Promise<unknown>) {
  return p.then(() => null, (e: unknown) => e as AppError);
}

describe('user services against the real store', () => {
  it('only admins manage users', async () => {
    expect((await errorOf(createUser(editorCtx, { email: email(), role: 'viewer', password: pw })))?.code).toBe('forbidden');
    expect((await errorOf(listUsers(editorCtx)))?.code).toBe('forbidden');
  });

  it('a duplicate email is a conflict', async () => {
    const e = email();
    await createUser(adminCtx, { email: e, role: 'viewer', password: pw });
    const err = await errorOf(createUser(adminCtx, { email: e.toUpperCase(), role: 'editor', password: pw }));
    expect(err?.code).toBe('conflict');
    expect(await db.user.count({ where: { email: e } })).toBe(1);
  });

  it('login works, is audited without the password, and a disabled user is refused', async () => {
    const e = email();
    const u = await createUser(adminCtx, { email: e, role: 'editor', password: pw });
    const ok = await verifyLogin({ email: e, password: pw });
    expect(ok?.id).toBe(u.id);
    expect(await verifyLogin({ email: e, password: pw + 'x' })).toBeNull();
    const audit = await db.auditLog.findMany({ where: { entityId: u.id, action: { startsWith: 'auth.' } } });
    expect(audit.map((a) => a.action).sort()).toEqual(['auth.login', 'auth.login_failed']);
    expect(JSON.stringify(audit.map((a) => a.diff))).not.toContain(pw);
    await updateUser(adminCtx, u.id, { disabled: true });
    expect(await verifyLogin({ email: e, password: pw })).toBeNull();
  });

  it('disabling, a role change or a password change ends existing sessions', async () => {
    const e = email();
    const u = await createUser(adminCtx, { email: e, role: 'viewer', password: pw });
    const session = await verifyLogin({ email: e, password: pw });
    const token = { uid: session!.id, sv: session!.sessionVersion, sid: await startAuthSession(session!.id) };
    expect((await contextForToken(token))?.actor).toMatchObject({ kind: 'user', role: 'viewer' });

    await setUserPassword(adminCtx, u.id, { password: 'another-long-passphrase' });
    expect(await contextForToken(token)).toBeNull();

    const again = await verifyLogin({ email: e, password: 'another-long-passphrase' });
    const token2 = { uid: again!.id, sv: again!.sessionVersion, sid: await startAuthSession(again!.id) };
    await updateUser(adminCtx, u.id, { role: 'editor' });
    expect(await contextForToken(token2)).toBeNull();

    const third = await verifyLogin({ email: e, password: 'another-long-passphrase' });
    const token3 = { uid: third!.id, sv: third!.sessionVersion, sid: await startAuthSession(third!.id) };
    expect((await contextForToken(token3))?.actor).toMatchObject({ role: 'editor' });
    await updateUser(adminCtx, u.id, { disabled: true });
    expect(await contextForToken(token3)).toBeNull();
  });

  it('the last active admin cannot be demoted or disabled', async () => {
    // The store is shared with other files, so count the admins that already exist rather than assume none.
    const a = await createUser(adminCtx, { email: email(), role: 'admin', password: pw });
    const others = await db.user.count({ where: { role: 'admin', disabledAt: null, id: { not: a.id } } });
    const err = await errorOf(updateUser(adminCtx, a.id, { role: 'viewer' }));
    if (others === 0) expect(err?.code).toBe('conflict');
    else expect(err).toBeNull();
    const b = await createUser(adminCtx, { email: email(), role: 'admin', password: pw });
    expect((await updateUser(adminCtx, a.id, { role: 'viewer' })).role).toBe('viewer');
    expect((await errorOf(updateUser(adminCtx, b.id, { disabled: true })))?.code).toBe(others === 0 ? 'conflict' : undefined);
  });

  it('the stored password is an argon2id hash, never the password', async () => {
    const e = email();
    await createUser(adminCtx, { email: e, role: 'viewer', password: pw });
    const row = await db.user.findUniqueOrThrow({ where: { email: e } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(pw);
  });
});
