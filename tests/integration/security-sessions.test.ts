import '../setup/store-env';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { authOptions } from '../../lib/auth/auth-options';
import { contextForToken } from '../../lib/services/auth/context-for-token';
import { auditRetentionJob } from '../../lib/jobs/audit-retention-job';
import { startAuthSession } from '../../lib/services/auth/start-auth-session';
import { endAuthSession } from '../../lib/services/auth/end-auth-session';
import { createUser } from '../../lib/services/users/create-user';
import { adminCtx, uniqueName } from '../setup/contexts';

async function newUser() {
  return createUser(adminCtx, { email: `${uniqueName('sess')}@test.local`, password: 'Session-rows-passphrase', role: 'viewer' });
}

/** What next-auth does at sign-in: the jwt callback with the user authorize() returned. */
async function signInToken(userId: string) {
  const jwt = authOptions.callbacks!.jwt!;
  return jwt({ token: {}, user: { id: userId, sessionVersion: 1 } as never, account: null, trigger: 'signIn' });
}

describe('server-side sessions', () => {
  it('sign-in creates a session row named in the JWT; sign-out revokes it, once, audited', async () => {
    const user = await newUser();
    const token = await signInToken(user.id);
    expect(token.sid).toMatch(/^[0-9a-f-]{36}$/);
    const session = await db.authSession.findUniqueOrThrow({ where: { id: token.sid! } });
    expect(session.userId).toBe(user.id);
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBe(authOptions.session!.maxAge! * 1000);
    expect((await contextForToken(token))?.actor).toMatchObject({ kind: 'user', id: user.id });

    await authOptions.events!.signOut!({ token, session: null as never });
    expect(await contextForToken(token)).toBeNull();
    await authOptions.events!.signOut!({ token, session: null as never });
    const audit = await db.auditLog.findMany({ where: { entityId: user.id, action: 'auth.logout' } });
    expect(audit).toHaveLength(1);
  });

  it('a JWT is refused without a session id, with a foreign, unknown or malformed one, or once the row expired', async () => {
    const [a, b] = [await newUser(), await newUser()];
    const sid = await startAuthSession(a.id);
    const good = { uid: a.id, sv: 1, sid };
    expect(await contextForToken(good)).not.toBeNull();
    expect(await contextForToken({ uid: a.id, sv: 1 })).toBeNull();
    expect(await contextForToken({ uid: b.id, sv: 1, sid })).toBeNull();
    expect(await contextForToken({ uid: a.id, sv: 1, sid: randomUUID() })).toBeNull();
    expect(await contextForToken({ uid: a.id, sv: 1, sid: 'not-a-uuid' })).toBeNull();
    expect(await contextForToken({ uid: a.id, sv: 2, sid })).toBeNull();
    await db.authSession.update({ where: { id: sid }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await contextForToken(good)).toBeNull();
  });

  it('signing out one session leaves the user\'s other sessions alone', async () => {
    const user = await newUser();
    const laptop = { uid: user.id, sv: 1, sid: await startAuthSession(user.id) };
    const phone = { uid: user.id, sv: 1, sid: await startAuthSession(user.id) };
    await endAuthSession(laptop);
    expect(await contextForToken(laptop)).toBeNull();
    expect(await contextForToken(phone)).not.toBeNull();
  });

  it('the daily retention job prunes expired session rows and keeps live ones', async () => {
    const user = await newUser();
    const live = await startAuthSession(user.id);
    const expired = await startAuthSession(user.id);
    const revokedLive = await startAuthSession(user.id);
    await db.authSession.update({ where: { id: expired }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    await endAuthSession({ uid: user.id, sid: revokedLive });
    await auditRetentionJob.handler({}, { id: 'test' } as never);
    const left = (await db.authSession.findMany({ where: { userId: user.id }, select: { id: true } })).map((r) => r.id).sort();
    expect(left).toEqual([live, revokedLive].sort());
  });
});
