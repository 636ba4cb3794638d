import '../setup/store-env';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { gradeRank, type Grade } from '../../lib/grading/grade-bands';
import { gradeFleet, type Criticality } from '../../lib/grading/grade-fleet';
import type { GradeCap } from '../../lib/grading/grade-target';
import { GRADING_POLICY_VERSION } from '../../lib/grading/grading-policy';
import { runScan } from '../../lib/scan/run-scan';
import { GRADING_POLICY_SETTING, regradeForPolicy } from '../../lib/scan/regrade-for-policy';
import { getTarget } from '../../lib/services/targets/get-target';
import { pinTargetCertificate } from '../../lib/services/targets/pin-target-certificate';
import { startLabFleet, type LabFleet } from '../../scripts/lab/start-lab-fleet';
import { startRedisLab, type RedisLab } from '../../scripts/lab/start-redis-lab';
import { seedLabFleet } from '../../scripts/lib/seed-lab-fleet';
import { seedRedisLab } from '../../scripts/lib/seed-redis-lab';
import { adminCtx, uniqueName, viewerCtx } from '../setup/contexts';

// The demo's lab fleet, seeded the way `npm run demo` seeds it and scanned by the real scan path: its grades must
// follow docs/grading.md (lib/grading/grading-policy.ts), target by target and for the fleet as a whole.
const tmpRoot = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
const baseDir = mkdtempSync(path.join(tmpRoot, 'posture-grading-'));
let fleet: LabFleet;
let redis: RedisLab;
const ids = new Map<string, string>();

beforeAll(async () => {
  [fleet, redis] = await Promise.all([startLabFleet({ baseDir }), startRedisLab({ baseDir })]);
  const pg = await seedLabFleet(fleet.targets);
  fleet.targets.forEach((t, i) => ids.set(t.posture, pg[i]!));
  const rd = await seedRedisLab(redis.targets);
  redis.targets.forEach((t, i) => ids.set(t.posture, rd[i]!));
  await Promise.all(
    [...ids.values()].map(async (targetId) => {
      const scan = await db.scan.create({ data: { targetId, trigger: 'manual', status: 'queued', slot: `manual:${uniqueName('grading')}` } });
      await runScan(scan.id);
    }),
  );
}, 180_000);

afterAll(async () => {
  await db.target.updateMany({ where: { id: { in: [...ids.values()] } }, data: { archivedAt: new Date() } });
  await Promise.all([fleet?.stop(), redis?.stop()]);
  rmSync(baseDir, { recursive: true, force: true });
});

const rulesOf = (caps: GradeCap[]) => caps.map((c) => c.rule);
const checksOf = (caps: GradeCap[], rule: string) => caps.find((c) => c.rule === rule)?.checkIds ?? [];

describe('the lab fleet under the grading policy', () => {
  it.each([
    // posture, grade, the first (deciding) rule and a check it must name
    ['healthy', 'A+', null, null],
    ['cert-expiring', 'D', 'critical-failed', 'cert.expiry'],
    ['cert-expired', 'F', 'no-protection', 'cert.expiry'],
    ['ssl-off', 'F', 'no-protection', 'pg.tls.enabled'],
    ['plaintext-accepted', 'F', 'no-protection', 'pg.tls.required'],
    ['tls10-allowed', 'B', 'high-failed', 'pg.tls.min_version'],
    ['md5-passwords', 'B', 'high-failed', 'pg.password.encryption'],
    ['weak-key', 'B', 'high-failed', 'cert.key_strength'],
    // the certificate does not verify, so the login is withheld: the ~40 login-based checks cannot tell, and earn nothing
    ['sha1-signature', 'F', null, null],
    ['self-signed', 'F', null, null],
    ['wrong-hostname', 'F', null, null],
    ['archive-failing', 'B', 'high-failed', 'backup.wal_archiving'],
    ['redis-healthy', 'A+', null, null],
    ['redis-open', 'F', 'no-protection', 'redis.auth.required'],
  ] as const)('%s grades %s (%s)', async (posture, grade, rule, check) => {
    const t = await getTarget(viewerCtx, ids.get(posture)!);
    expect(t.grade, JSON.stringify(t.caps)).toBe(grade);
    if (rule === null) {
      expect(t.caps.filter((c) => gradeRank(c.maxGrade) < gradeRank(t.scoreGrade!))).toEqual([]);
      expect(t.scoreGrade).toBe(grade);
      return;
    }
    expect(t.caps[0]?.rule).toBe(rule);
    expect(t.caps[0]?.maxGrade).toBe(grade);
    if (check) expect(t.caps[0]?.checkIds).toContain(check);
  });

  it('the fleet grade is capped by its worst members, and says which', async () => {
    const rows = await db.target.findMany({ where: { id: { in: [...ids.values()] } }, select: { score: true, grade: true, criticality: true } });
    const f = gradeFleet(rows.map((r) => ({ score: r.score, grade: r.grade as Grade | null, criticality: r.criticality as Criticality, counts: { critical: 0, high: 0, medium: 0, low: 0, info: 0 } })));
    // cert-expired, ssl-off, plaintext-accepted and redis-open, plus the three whose login was withheld: 7 of 14 at F
    expect(f.distribution.F).toBe(7);
    expect(f.caps.slice(0, 2)).toEqual([
      { rule: 'fleet-half-failing', maxGrade: 'D', databases: 7 },
      { rule: 'fleet-quarter-failing', maxGrade: 'C', databases: 7 },
    ]);
    expect(f.grade).toBe('D');
    expect(gradeRank(f.scoreGrade!)).toBeGreaterThan(gradeRank('D'));
  });

  it('a server accepting TLS 1.0 scores above B (B+, its TLS configuration costing the A range) and is held at B, by pg.tls.min_version', async () => {
    const t = await getTarget(viewerCtx, ids.get('tls10-allowed')!);
    expect(t.score).toBeGreaterThanOrEqual(87);
    expect(['B+', 'A-', 'A', 'A+']).toContain(t.scoreGrade);
    expect(t.grade).toBe('B');
    expect(checksOf(t.caps, 'high-failed')).toEqual(['pg.tls.min_version']);
  });

  it('once an admin trusts their keys, an untrusted chain or a mismatched name still holds the grade at B', async () => {
    for (const [posture, check] of [['self-signed', 'cert.trusted'], ['wrong-hostname', 'cert.hostname']] as const) {
      const id = ids.get(posture)!;
      const before = await db.checkState.findUniqueOrThrow({ where: { targetId_checkId: { targetId: id, checkId: 'pg.password.encryption' } } });
      const pin = (before.evidence as { credentialWithheld?: { spkiSha256: string } }).credentialWithheld!.spkiSha256;
      await pinTargetCertificate(adminCtx, id, { spkiSha256: pin });
      const scan = await db.scan.create({ data: { targetId: id, trigger: 'manual', status: 'queued', slot: `manual:${uniqueName('grading-pin')}` } });
      await runScan(scan.id);
      const t = await getTarget(viewerCtx, id);
      expect(t.scoreGrade?.startsWith('A'), `${posture} scores ${t.score}`).toBe(true);
      expect([t.grade, t.caps]).toEqual(['B', [{ rule: 'identity-unverified', maxGrade: 'B', checkIds: [check] }]]);
    }
  }, 60_000);

});

describe('re-grading when the policy changes', () => {
  it('re-grades stored grades and today’s snapshots from the stored check states, once', async () => {
    const id = ids.get('tls10-allowed')!;
    // As an older policy left it: an A with no caps, today's snapshot saying A too.
    await db.target.update({ where: { id }, data: { grade: 'A', gradeRank: 11, scoreGrade: 'A', caps: [] } });
    await db.gradeSnapshot.updateMany({ where: { targetId: id }, data: { grade: 'A' } });
    await db.setting.upsert({ where: { key: GRADING_POLICY_SETTING }, create: { key: GRADING_POLICY_SETTING, value: { version: 1 } }, update: { value: { version: 1 } } });

    const [first, second] = await Promise.all([regradeForPolicy(db), regradeForPolicy(db)]);
    expect([first, second].filter((r) => r !== null)).toHaveLength(1);
    expect((first ?? second)!.regraded).toBeGreaterThan(0);
    const t = await getTarget(viewerCtx, id);
    expect([t.grade, rulesOf(t.caps)]).toEqual(['B', ['high-failed']]);
    const today = await db.gradeSnapshot.findFirstOrThrow({ where: { targetId: id }, orderBy: { day: 'desc' } });
    expect(today.grade).toBe('B');
    expect((await db.setting.findUniqueOrThrow({ where: { key: GRADING_POLICY_SETTING } })).value).toMatchObject({ version: GRADING_POLICY_VERSION });
    expect(await regradeForPolicy(db)).toBeNull();
  }, 120_000);
});
