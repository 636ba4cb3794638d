import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { runScan } from '../../lib/scan/run-scan';
import { ensureSystemPackage } from '../../scripts/lib/ensure-system-package';
import { seedRedisLab } from '../../scripts/lib/seed-redis-lab';
import { redisServerBinary, startRedisLab, type RedisLab } from '../../scripts/lab/start-redis-lab';

const baseDir = mkdtempSync(path.join(existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'posture-redis-lab-'));
let lab: RedisLab;
let ids: string[] = [];

beforeAll(async () => {
  ensureSystemPackage(redisServerBinary, 'redis-server', "the demo's Redis lab starts real Redis servers");
  lab = await startRedisLab({ baseDir });
}, 60_000);

afterAll(async () => {
  // archived targets leave the fleet views other test files read
  await db.target.updateMany({ where: { id: { in: ids } }, data: { archivedAt: new Date() } });
  await lab?.stop();
  rmSync(baseDir, { recursive: true, force: true });
});

async function scanned(targetId: string) {
  const scan = await db.scan.create({ data: { targetId, trigger: 'manual', status: 'queued', slot: `manual:redis-lab:${targetId}:${Date.now()}` } });
  await runScan(scan.id);
  return db.target.findUniqueOrThrow({ where: { id: targetId }, select: { grade: true, engine: true } });
}

describe("the demo's Redis lab", () => {
  it('seeds both servers into the inventory and each scans to its expected grade through the worker pipeline', async () => {
    ids = await seedRedisLab(lab.targets);
    expect(ids).toHaveLength(2);
    for (const [i, t] of lab.targets.entries()) {
      expect(await scanned(ids[i]!), t.name).toEqual({ grade: t.expectedGrade, engine: 'redis' });
    }
    const healthy = await db.checkState.findMany({ where: { targetId: ids[0]! }, select: { checkId: true, status: true } });
    expect(healthy.filter((s) => s.status !== 'pass' && s.status !== 'skip')).toEqual([]);
    const open = Object.fromEntries((await db.checkState.findMany({ where: { targetId: ids[1]! } })).map((s) => [s.checkId, s.status]));
    expect(open).toMatchObject({ 'redis.auth.required': 'fail', 'redis.plaintext.closed': 'fail', 'redis.protected_mode': 'fail', 'cert.trusted': 'fail' });
  });

  it('seeding again (a demo restart) updates the same targets instead of adding new ones', async () => {
    const again = await seedRedisLab(lab.targets);
    expect(again).toEqual(ids);
    expect(await db.target.count({ where: { name: { in: lab.targets.map((t) => t.name) } } })).toBe(2);
  });
});
