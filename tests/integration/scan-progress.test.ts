import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { runScan } from '../../lib/scan/run-scan';
import { getScan } from '../../lib/services/scans/get-scan';
import { createTarget } from '../../lib/services/targets/create-target';
import { startLabFleet, type LabFleet } from '../../scripts/lab/start-lab-fleet';
import { editorCtx, uniqueName, viewerCtx } from '../setup/contexts';
import { listenOnLowPort } from '../support/listen-low-port';
import { ensureTestUsers } from '../support/seed-graded-target';

const tmpRoot = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
const baseDir = mkdtempSync(path.join(tmpRoot, 'posture-progress-'));
let fleet: LabFleet;
const ourTargets: string[] = [];

beforeAll(async () => {
  await ensureTestUsers();
  fleet = await startLabFleet({ baseDir, only: ['healthy'] });
}, 90_000);

afterAll(async () => {
  await db.target.updateMany({ where: { id: { in: ourTargets } }, data: { archivedAt: new Date() } });
  await fleet?.stop();
  rmSync(baseDir, { recursive: true, force: true });
});

async function scanOf(targetId: string, trigger: 'manual' | 'schedule') {
  const s = await db.scan.create({ data: { targetId, trigger, status: 'queued', slot: `${trigger}:${uniqueName('progress')}` } });
  await runScan(s.id);
  return getScan(viewerCtx, s.id);
}

describe('scan progress for Scan now', () => {
  it("a manual scan lists each step as its probe finished; a scheduled one writes none", async () => {
    const lab = fleet.targets[0]!;
    const t = await createTarget(editorCtx, {
      name: uniqueName('progress'), engine: 'postgresql', host: lab.host, port: lab.port, database: lab.database, caPem: lab.caPem,
      credential: { username: lab.probeUser, password: lab.probePassword },
    });
    ourTargets.push(t.id);
    const manual = await scanOf(t.id, 'manual');
    expect(manual.status).toBe('succeeded');
    // reachability first; the TLS probe brings the certificate, then the login and the hardening reader (the password
    // age reader adds a login entry), then the deep TLS enumeration; the backup probe runs beside them, so its place varies
    const seen = manual.progress.map((p) => `${p.step}:${p.status}`);
    expect(seen[0]).toBe('reachability:ok');
    expect(seen.filter((x) => x !== 'backup:skipped')).toEqual(['reachability:ok', 'tls:ok', 'certificate:ok', 'login:ok', 'hardening:ok', 'login:ok', 'tls-suites:ok']);
    expect(seen).toContain('backup:skipped');
    expect((await scanOf(t.id, 'schedule')).progress).toEqual([]);
  }, 60_000);

  it('an unreachable target fails its reachability step and stops there', async () => {
    const closed = net.createServer();
    const port = await listenOnLowPort(closed);
    await new Promise<void>((r) => closed.close(() => r()));
    const t = await createTarget(editorCtx, { name: uniqueName('progress-down'), engine: 'postgresql', host: '127.0.0.1', port });
    ourTargets.push(t.id);
    const scan = await scanOf(t.id, 'manual');
    expect(scan.progress).toEqual([{ step: 'reachability', status: 'error' }]);
  });
});
