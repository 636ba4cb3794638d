import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { runScan } from '../../lib/scan/run-scan';
import { createTarget } from '../../lib/services/targets/create-target';
import { startLabFleet, type LabFleet, type LabTarget } from '../../scripts/lab/start-lab-fleet';
import { adminCtx, editorCtx, uniqueName } from '../setup/contexts';
import { readPgClientStream } from '../support/read-pg-client-stream';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

// The TLS misconfiguration matrix itself (12 real servers, exact verdicts) is tests/integration/lab-scan.test.ts.
// Here every posture of that matrix is scanned through a capturing proxy by the full scan path (stored, encrypted
// credential → runScan), and every byte the probes send is inspected for a password outside TLS.
const tmpRoot = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
const baseDir = mkdtempSync(path.join(tmpRoot, 'posture-plaintext-'));
let fleet: LabFleet;
const proxies: TcpProxy[] = [];
const ourTargets: string[] = [];

beforeAll(async () => {
  fleet = await startLabFleet({ baseDir });
}, 120_000);

afterAll(async () => {
  await db.target.updateMany({ where: { id: { in: ourTargets } }, data: { archivedAt: new Date() } });
  await Promise.all(proxies.map((p) => p.stop()));
  await fleet?.stop();
  rmSync(baseDir, { recursive: true, force: true });
});

/** Scans one lab server through a fresh capturing proxy and returns the stored verdicts and the captured streams. */
async function scanThroughProxy(lab: LabTarget, allowPlaintextLogin = false) {
  const proxy = await startTcpProxy({ upstreamPort: lab.port });
  proxies.push(proxy);
  // only an admin may mark a target as allowing plaintext logins
  const t = await createTarget(allowPlaintextLogin ? adminCtx : editorCtx, {
    name: uniqueName(`wire-${lab.posture}`), engine: 'postgresql', host: '127.0.0.1', port: proxy.port, database: lab.database,
    caPem: lab.caPem, allowPlaintextLogin, credential: { username: lab.probeUser, password: lab.probePassword },
  });
  ourTargets.push(t.id);
  const scan = await db.scan.create({ data: { targetId: t.id, trigger: 'manual', status: 'queued', slot: `manual:${uniqueName('wire')}` } });
  await runScan(scan.id);
  expect((await db.scan.findUniqueOrThrow({ where: { id: scan.id } })).status).toBe('succeeded');
  const states = await db.checkState.findMany({ where: { targetId: t.id }, select: { checkId: true, status: true } });
  return { verdicts: Object.fromEntries(states.map((s) => [s.checkId, s.status])), streams: proxy.connections.map(readPgClientStream) };
}

/** The password in every form a careless client could put on the wire. */
const secretForms = (password: string) => [Buffer.from(password), Buffer.from(Buffer.from(password).toString('base64')), Buffer.from(password, 'utf16le')];

describe('no password is ever sent outside TLS to a target marked TLS-required', () => {
  it('across the whole TLS matrix, through a capturing proxy: verdicts as expected, no password or SASL exchange in plaintext', async () => {
    const scanned = await Promise.all(fleet.targets.map(async (lab) => ({ lab, ...(await scanThroughProxy(lab)) })));
    const problems: string[] = [];
    for (const { lab, verdicts, streams } of scanned) {
      for (const [id, expected] of Object.entries(lab.expected)) {
        if (verdicts[id] !== expected) problems.push(`${lab.posture} ${id}: expected ${expected}, got ${verdicts[id]}`);
      }
      for (const [i, s] of streams.entries()) {
        if (s.plaintextMessages.length) problems.push(`${lab.posture} connection ${i}: plaintext messages after startup: ${s.plaintextMessages.join(',')}`);
        for (const form of secretForms(lab.probePassword)) if (s.plaintext.includes(form)) problems.push(`${lab.posture} connection ${i}: password in plaintext`);
        if (s.plaintext.includes(Buffer.from('c=biws'))) problems.push(`${lab.posture} connection ${i}: SCRAM client-final in plaintext`);
      }
      // the login itself did happen where TLS is offered: some connection carried TLS
      if (lab.posture !== 'ssl-off') expect(streams.some((s) => s.kind === 'tls'), lab.posture).toBe(true);
    }
    expect(problems).toEqual([]);

    // The two servers that would take a plaintext login: it was asked about (StartupMessage) but never attempted.
    for (const posture of ['ssl-off', 'plaintext-accepted']) {
      const { verdicts, streams } = scanned.find((x) => x.lab.posture === posture)!;
      expect(verdicts['pg.tls.required']).toBe('fail');
      expect(streams.filter((s) => s.kind === 'plaintext' && s.plaintext.includes(Buffer.from('application_name\0posture\0'))).length).toBeGreaterThan(0);
    }
    expect(scanned.find((x) => x.lab.posture === 'ssl-off')!.verdicts['pg.password.encryption']).toBe('skip');
    expect(scanned.find((x) => x.lab.posture === 'plaintext-accepted')!.verdicts['pg.password.encryption']).toBe('pass');
  }, 120_000);

  it('the capture does see a plaintext login when an admin allows one (SCRAM, so still no password)', async () => {
    // Proves the inspection above can fail: the same proxy catches the SASL exchange of an allowed plaintext login.
    const lab = fleet.targets.find((x) => x.posture === 'ssl-off')!;
    const { verdicts, streams } = await scanThroughProxy(lab, true);
    expect(verdicts['pg.password.encryption']).toBe('pass');
    // One session logs in, with SCRAM, and the session and hardening readers share it.
    const logins = streams.filter((s) => s.plaintextMessages.includes('p'));
    expect(logins.length).toBe(1);
    for (const login of logins) {
      expect(login.plaintext.includes(Buffer.from('SCRAM-SHA-256'))).toBe(true);
      expect(login.plaintext.includes(Buffer.from('c=biws'))).toBe(true);
      for (const form of secretForms(lab.probePassword)) expect(login.plaintext.includes(form)).toBe(false);
    }
  }, 60_000);
});
