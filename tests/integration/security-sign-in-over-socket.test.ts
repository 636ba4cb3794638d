import '../setup/store-env';
import { randomBytes, randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { createUser } from '../../lib/services/users/create-user';
import { systemContext } from '../../lib/services/service-context';
import { uniqueName } from '../setup/contexts';
import { formBody, jsonBody, requestFrom, signInOverSocket, type Credentials } from '../support/auth-over-socket';
import { startWebServerProcess, type WebServerProcess } from '../support/start-web-server-process';

// Small limits and a day-long window (cut at UTC midnight), so a sequence of attempts never straddles two windows.
const perAccount = 4;
const perAddress = 6;
const trustedProxy = '127.0.0.2';
let web: WebServerProcess;

/** A loopback address of its own for each test (all of 127.0.0.0/8 is local), so its counter starts at zero. */
const freshPeer = () => `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(3, 255)}`;
/** A client address a trusted proxy forwards (198.18.0.0/15, the benchmarking range). */
const freshClient = () => `198.${randomInt(18, 20)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
const j = (v: string) => JSON.stringify(v);

async function newUser() {
  const email = `${uniqueName('sock')}@test.local`;
  const password = `Socket-${randomBytes(12).toString('base64url')}`;
  const user = await createUser(systemContext('test'), { email, password, role: 'viewer' });
  return { id: user.id, email, password };
}

const form = (email: string, password: string) => formBody([['email', email], ['password', password]]);

async function failures(userId: string) {
  return db.auditLog.count({ where: { action: 'auth.login_failed', entityId: userId } });
}

async function limitedScopes(email: string) {
  const rows = await db.auditLog.findMany({ where: { action: 'auth.login_limited', diff: { path: ['email'], equals: email } } });
  return rows.map((r) => (r.diff as { limit: string; address?: string }).limit);
}

/** The address each audited attempt for these (unknown) emails was counted under. */
async function countedAddresses(emails: string[]) {
  const rows = await db.auditLog.findMany({ where: { action: { in: ['auth.login_failed', 'auth.login_limited'] }, OR: emails.map((e) => ({ diff: { path: ['email'], equals: e } })) } });
  return [...new Set(rows.map((r) => (r.diff as { address?: string }).address))];
}

async function expectAccountLimited(from: string, user: { email: string; password: string }) {
  const right = await signInOverSocket(web.base, from, form(user.email, user.password));
  expect(right.status, right.text).toBe(429);
  expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
  expect(right.session).toBeNull();
  expect(await limitedScopes(user.email)).toContain('account');
}

beforeAll(async () => {
  const untilMidnight = 86_400 - ((Date.now() / 1000) % 86_400);
  if (untilMidnight < 240) await new Promise((r) => setTimeout(r, (untilMidnight + 2) * 1000));
  web = await startWebServerProcess({
    POSTURE_LOGIN_MAX_FAILURES: String(perAccount),
    POSTURE_LOGIN_MAX_FAILURES_PER_IP: String(perAddress),
    POSTURE_LOGIN_WINDOW_SECONDS: '86400',
    POSTURE_TRUSTED_PROXIES: `${trustedProxy}, 2001:db8::/32`,
  });
}, 900_000);

afterAll(async () => {
  await web?.stop();
});

describe('the sign-in throttle counts what next-auth authenticates (real web server, real sockets)', () => {
  it('a JSON body counts against the account', async () => {
    const from = freshPeer();
    const victim = await newUser();
    for (let i = 0; i < perAccount; i++) {
      const r = await signInOverSocket(web.base, from, jsonBody([`"email":${j(victim.email)}`, `"password":"wrong-${i}"`]));
      expect(r.status, r.text).toBe(401);
    }
    expect(await failures(victim.id)).toBe(perAccount);
    await expectAccountLimited(freshPeer(), victim);
  });

  it('a duplicated email field counts the one next-auth checks (the last), in a form and in JSON', async () => {
    for (const body of [
      (decoy: string, victim: string, i: number) => formBody([['email', decoy], ['email', victim], ['password', `wrong-${i}`]]),
      (decoy: string, victim: string, i: number) => jsonBody([`"email":${j(decoy)}`, `"password":"wrong-${i}"`, `"email":${j(victim)}`]),
    ]) {
      const [decoy, victim] = [await newUser(), await newUser()];
      const from = freshPeer();
      for (let i = 0; i < perAccount; i++) expect((await signInOverSocket(web.base, from, body(decoy.email, victim.email, i))).status).toBe(401);
      expect(await failures(victim.id)).toBe(perAccount);
      await expectAccountLimited(freshPeer(), victim);
      // The decoy was never checked, so it was never counted: it still signs in.
      const decoyIn = await signInOverSocket(web.base, freshPeer(), form(decoy.email, decoy.password));
      expect(decoyIn.status, decoyIn.text).toBe(200);
      expect(decoyIn.session).not.toBeNull();
    }
  });

  it('whitespace (past 254 characters too) and case variants all count against the one account', async () => {
    const victim = await newUser();
    const variants = [`${' '.repeat(300)}${victim.email}`, victim.email.toUpperCase(), `\t${victim.email}\n`, `${victim.email}${' '.repeat(300)}`];
    const from = freshPeer();
    for (const [i, email] of variants.entries()) {
      const r = await signInOverSocket(web.base, from, i % 2 ? form(email, `wrong-${i}`) : jsonBody([`"email":${j(email)}`, `"password":"wrong-${i}"`]));
      expect(r.status, r.text).toBe(401);
    }
    // Each variant was checked against this account's password (next-auth authenticated it), and counted there.
    expect(await failures(victim.id)).toBe(variants.length);
    await expectAccountLimited(freshPeer(), victim);
  });

  it('over-long or mistyped values look no account up, and count against the address', async () => {
    const victim = await newUser();
    const from = freshPeer();
    const bodies: Credentials[] = [
      form(`${'a'.repeat(300)}@test.local`, 'x'),
      form(victim.email, 'p'.repeat(2000)),
      jsonBody([`"email":[${j(victim.email)}]`, '"password":"x"']),
      jsonBody([`"email":${j(victim.email)}`, '"password":{"toString":"x"}']),
      jsonBody([`"email":null`, '"password":"x"']),
      form(victim.email, ''),
    ];
    for (const b of bodies) expect((await signInOverSocket(web.base, from, b)).status).toBe(401);
    expect(await failures(victim.id)).toBe(0);
    const limited = await signInOverSocket(web.base, from, form(victim.email, victim.password));
    expect(limited.status, limited.text).toBe(429);
    expect(await limitedScopes(victim.email)).toEqual(['address']);
    // The account itself was never guessed at: from elsewhere the right password works.
    expect((await signInOverSocket(web.base, freshPeer(), form(victim.email, victim.password))).status).toBe(200);
  });

  it('a body next-auth does not parse (multipart) signs nobody in', async () => {
    const victim = await newUser();
    const boundary = 'x-boundary';
    const body = [`--${boundary}`, 'Content-Disposition: form-data; name="email"', '', victim.email, `--${boundary}`, 'Content-Disposition: form-data; name="password"', '', victim.password, `--${boundary}--`, ''].join('\r\n');
    const r = await signInOverSocket(web.base, freshPeer(), { contentType: `multipart/form-data; boundary=${boundary}`, body: () => body });
    expect(r.session).toBeNull();
  });
});

describe('the per-address limit holds', () => {
  async function spray(from: string, headers: (i: number) => Record<string, string>, attempts: number) {
    const emails: string[] = [];
    const statuses: number[] = [];
    for (let i = 0; i < attempts; i++) {
      const email = `${uniqueName('spray')}@test.local`;
      emails.push(email);
      statuses.push((await signInOverSocket(web.base, from, form(email, 'Spring2026!'), headers(i))).status);
    }
    return { emails, statuses };
  }

  it('X-Forwarded-For: x from a client does not switch it off: the socket peer is counted', async () => {
    const from = freshPeer();
    const { emails, statuses } = await spray(from, () => ({ 'x-forwarded-for': 'x' }), perAddress + 1);
    expect(statuses).toEqual([...Array<number>(perAddress).fill(401), 429]);
    expect(await countedAddresses(emails)).toEqual([from]);
  });

  it('an untrusted peer cannot choose its address with X-Forwarded-For, nor with the internal header', async () => {
    const from = freshPeer();
    const { emails, statuses } = await spray(from, (i) => ({ 'x-forwarded-for': freshClient(), 'x-posture-peer-address': i % 2 ? trustedProxy : `203.0.113.${i}` }), perAddress + 1);
    expect(statuses.at(-1)).toBe(429);
    expect(await countedAddresses(emails)).toEqual([from]);
  });

  it('behind a trusted proxy each forwarded client has its own count; junk in the header counts as the proxy', async () => {
    const [alice, bob] = [freshClient(), `203.0.113.${randomInt(1, 255)}`];
    // The proxy appends the peer it saw; anything to its left came from the client and is not believed.
    const viaProxy = await spray(trustedProxy, () => ({ 'x-forwarded-for': `6.6.6.6, ${alice}` }), perAddress + 1);
    expect(viaProxy.statuses).toEqual([...Array<number>(perAddress).fill(401), 429]);
    expect(await countedAddresses(viaProxy.emails)).toEqual([alice]);
    const other = await spray(trustedProxy, () => ({ 'x-forwarded-for': bob }), 1);
    expect(other.statuses).toEqual([401]);
    expect(await countedAddresses(other.emails)).toEqual([bob]);
    const junk = await spray(trustedProxy, () => ({ 'x-forwarded-for': 'x' }), 1);
    expect(await countedAddresses(junk.emails)).toEqual([trustedProxy]);
  });
});

describe('callbackUrl and sign-out through next-auth', () => {
  it('a hostile callbackUrl is answered with a path on our own origin', async () => {
    const user = await newUser();
    for (const callbackUrl of ['/\t/evil.example', '//evil.example', '/\\evil.example', 'https://evil.example/x']) {
      const r = await signInOverSocket(web.base, freshPeer(), formBody([['email', user.email], ['password', user.password], ['callbackUrl', callbackUrl]]));
      expect(r.status, r.text).toBe(200);
      const { url } = JSON.parse(r.text) as { url: string };
      expect(new URL(url).origin, callbackUrl).toBe(web.base);
      expect(new URL(url).pathname, callbackUrl).toBe('/');
    }
  });

  it('after sign-out a replayed session cookie is refused, by routes and pages', async () => {
    const user = await newUser();
    const from = freshPeer();
    const signedIn = await signInOverSocket(web.base, from, form(user.email, user.password));
    const cookie = signedIn.session!;
    expect((await requestFrom(web.base, from, { path: '/api/v1/scores', headers: { cookie } })).status).toBe(200);
    const live = await requestFrom(web.base, from, { path: '/api/auth/session', headers: { cookie } });
    expect(JSON.parse(live.text)).toMatchObject({ user: { email: user.email } });
    const csrf = await requestFrom(web.base, from, { path: '/api/auth/csrf', headers: { cookie } });
    const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
    const csrfCookie = (csrf.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
    const body = new URLSearchParams({ csrfToken, json: 'true' }).toString();
    const out = await requestFrom(web.base, from, {
      method: 'POST',
      path: '/api/auth/signout',
      headers: { cookie: `${cookie}; ${csrfCookie}`, 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(body.length) },
      body,
    });
    expect(out.status, out.text).toBe(200);
    expect(await db.authSession.count({ where: { userId: user.id, revokedAt: { not: null } } })).toBe(1);
    expect((await requestFrom(web.base, from, { path: '/api/v1/scores', headers: { cookie } })).status).toBe(401);
    const sessionInfo = await requestFrom(web.base, from, { path: '/api/auth/session', headers: { cookie } });
    expect(JSON.parse(sessionInfo.text)).toEqual({});
    const page = await requestFrom(web.base, from, { path: '/databases', headers: { cookie } });
    expect(page.status).toBe(307);
    expect(page.headers.location).toMatch(/\/login$/);
  });
});
