import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { runScan } from '../../lib/scan/run-scan';
import { listTargetChecks } from '../../lib/services/checks/list-target-checks';
import { createTarget } from '../../lib/services/targets/create-target';
import { getDatabaseDetail } from '../../lib/services/targets/get-database-detail';
import { startLabFleet, type LabFleet } from '../../scripts/lab/start-lab-fleet';
import { editorCtx, uniqueName, viewerCtx } from '../setup/contexts';
import { ensureTestUsers } from '../support/seed-graded-target';

const tmpRoot = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
const baseDir = mkdtempSync(path.join(tmpRoot, 'posture-tls-cache-'));
let fleet: LabFleet;
let log = '';
const ourTargets: string[] = [];

beforeAll(async () => {
  await ensureTestUsers();
  fleet = await startLabFleet({ baseDir, only: ['healthy'], log: (_posture, text) => void (log += text) });
}, 90_000);

afterAll(async () => {
  await db.target.updateMany({ where: { id: { in: ourTargets } }, data: { archivedAt: new Date() } });
  await fleet?.stop();
  rmSync(baseDir, { recursive: true, force: true });
});

/** Runs one scan and returns what the server logged meanwhile (log_connections and log_disconnections are on). */
async function scanLogged(targetId: string): Promise<string> {
  const s = await db.scan.create({ data: { targetId, trigger: 'schedule', status: 'queued', slot: `schedule:${uniqueName('tls-cache')}` } });
  const from = log.length;
  await runScan(s.id);
  // the server writes its lines a moment after the socket closes
  await new Promise((r) => setTimeout(r, 300));
  expect((await db.scan.findUniqueOrThrow({ where: { id: s.id } })).status).toBe('succeeded');
  return log.slice(from);
}

const connectionsIn = (text: string) => text.split('connection received:').length - 1;

async function tlsEvidence(targetId: string) {
  const checks = await listTargetChecks(viewerCtx, targetId);
  const profile = checks.find((c) => c.id === 'tls.mozilla_profile')!;
  return { status: profile.status, fromCache: profile.evidence.fromCache, scannedAt: profile.evidence.scannedAt };
}

describe('the deep TLS enumeration in worker scans', () => {
  it('runs once, is reused while nothing changed, and reruns when a week passed or the server version changed', async () => {
    const lab = fleet.targets[0]!;
    const t = await createTarget(editorCtx, {
      name: uniqueName('tls-cache'), engine: 'postgresql', host: lab.host, port: lab.port, database: lab.database, caPem: lab.caPem,
      credential: { username: lab.probeUser, password: lab.probePassword },
    });
    ourTargets.push(t.id);

    const first = await scanLogged(t.id);
    const row = await db.tlsScanResult.findUniqueOrThrow({ where: { targetId: t.id } });
    expect(row.port).toBe(lab.port);
    expect(await tlsEvidence(t.id)).toEqual({ status: 'pass', fromCache: false, scannedAt: row.scannedAt.toISOString() });
    // the enumeration's ClientHellos are connections too: many more than a routine scan's
    expect(connectionsIn(first)).toBeGreaterThan(15);

    const second = await scanLogged(t.id);
    // reused: no ClientHello sent, so the routine scan's connections only (reachability, TLS probes, logins)
    expect(connectionsIn(second)).toBeLessThanOrEqual(7);
    expect(await tlsEvidence(t.id)).toEqual({ status: 'pass', fromCache: true, scannedAt: row.scannedAt.toISOString() });
    expect((await db.tlsScanResult.findUniqueOrThrow({ where: { targetId: t.id } })).scannedAt).toEqual(row.scannedAt);

    // every login the scans made named itself, and none of them failed to authenticate
    const authorized = [...(first + second).matchAll(/connection authorized: user=\S+ database=\S+ application_name=(\S+)/g)].map((m) => m[1]);
    expect(authorized.length).toBeGreaterThan(0);
    expect(new Set(authorized)).toEqual(new Set(['posture']));
    expect(first + second).not.toMatch(/authentication failed/);

    // a week later the stored enumeration is stale
    const weekAgo = new Date(Date.now() - 8 * 86_400_000);
    const stale = { ...(row.result as Record<string, unknown>), scannedAt: weekAgo.toISOString() };
    await db.tlsScanResult.update({ where: { targetId: t.id }, data: { scannedAt: weekAgo, result: stale } });
    expect(connectionsIn(await scanLogged(t.id))).toBeGreaterThan(15);
    expect((await tlsEvidence(t.id)).fromCache).toBe(false);

    // another server version (an upgrade) reruns it too
    const current = await db.tlsScanResult.findUniqueOrThrow({ where: { targetId: t.id } });
    await db.tlsScanResult.update({ where: { targetId: t.id }, data: { result: { ...(current.result as Record<string, unknown>), serverVersion: '16.1' } } });
    expect(connectionsIn(await scanLogged(t.id))).toBeGreaterThan(15);

    // the API's database detail carries the same enumeration
    const detail = await getDatabaseDetail(viewerCtx, t.id);
    expect(detail.tls).toMatchObject({ port: lab.port, protocols: ['TLSv1.2', 'TLSv1.3'], complete: true });
    expect(detail.tls!.cipherSuites['TLSv1.2']).toEqual(expect.arrayContaining(['ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES256-GCM-SHA384']));
    expect(detail.tls!.groups).toContain('secp256r1');
  }, 120_000);
});
