import '../setup/store-env';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '../../lib/db';
import { viewerCtx } from '../setup/contexts';
import { callRoute } from '../support/call-route';
import { sessionJwt } from '../support/session-jwt';
import { ensureTestUsers } from '../support/seed-graded-target';

const saved = { NEXTAUTH_URL: process.env.NEXTAUTH_URL, POSTURE_PUBLIC_URL: process.env.POSTURE_PUBLIC_URL };
let jwt = '';

beforeAll(async () => {
  await ensureTestUsers();
  if (viewerCtx.actor.kind !== 'user') throw new Error('viewer');
  const user = await db.user.findUniqueOrThrow({ where: { id: viewerCtx.actor.id } });
  jwt = await sessionJwt(user.id);
});

afterEach(() => {
  for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
  else process.env[k] = v;
  vi.resetModules();
});

describe('session cookies behind HTTPS', () => {
  it('next-auth issues __Secure- cookies, and every reader looks for that name only', async () => {
    delete process.env.NEXTAUTH_URL;
    process.env.POSTURE_PUBLIC_URL = 'https://posture.example';
    vi.resetModules();
    const { authOptions } = await import('../../lib/auth/auth-options');
    expect(authOptions.useSecureCookies).toBe(true);
    const ok = await callRoute({ method: 'GET', template: '/api/v1/scores', headers: { cookie: `__Secure-next-auth.session-token=${jwt}` } });
    expect(ok.status).toBe(200);
    // A cookie without the prefix could have been set over plain HTTP by anyone on the path: it is not a session.
    const plain = await callRoute({ method: 'GET', template: '/api/v1/scores', headers: { cookie: `next-auth.session-token=${jwt}` } });
    expect(plain.status).toBe(401);
  });

  it('over plain HTTP the unprefixed cookie is the session', async () => {
    process.env.NEXTAUTH_URL = 'http://localhost:3000';
    vi.resetModules();
    const { authOptions } = await import('../../lib/auth/auth-options');
    expect(authOptions.useSecureCookies).toBe(false);
    expect((await callRoute({ method: 'GET', template: '/api/v1/scores', headers: { cookie: `next-auth.session-token=${jwt}` } })).status).toBe(200);
  });
});
