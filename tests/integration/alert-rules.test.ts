import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import type { Prisma } from '../../lib/generated/prisma/client';
import { ALERT_SETTINGS_KEY, defaultAlertSettings, type AlertSettings } from '../../lib/validations/alert-settings';
import { alertsForScan, targetBeforeScan } from '../../lib/alerts/alerts-for-scan';
import { evaluateChecks } from '../../lib/engines/evaluate-checks';
import { backupFreshnessCheck } from '../../lib/checks/backups/check-backup-freshness';
import { certInfo, FIXED_NOW, healthyObservations, hoursFromNow, withData } from '../fixtures/test-fixtures';
import { gradeTarget } from '../../lib/grading/grade-target';
import type { Observations } from '../../lib/probes/observations/observations';
import { activeExceptionIds } from '../../lib/fleet/active-exception-ids';
import { persistScanResult } from '../../lib/scan/persist-scan-result';
import { runScan } from '../../lib/scan/run-scan';
import { createException } from '../../lib/services/exceptions/create-exception';
import { getSetting } from '../../lib/services/settings/get-setting';
import { updateSetting } from '../../lib/services/settings/update-setting';
import { createTarget } from '../../lib/services/targets/create-target';
import { startLabFleet, type LabFleet, type LabTarget } from '../../scripts/lab/start-lab-fleet';
import { adminCtx, editorCtx, uniqueName, viewerCtx } from '../setup/contexts';
import { ensureTestUsers } from '../support/seed-graded-target';

const publicUrl = 'https://posture.alerts-test.example';
const DAY = 86_400_000;
const ourTargets: string[] = [];
let savedSettings: { value: Prisma.JsonValue } | null = null;

/** The shared store may hold another file's alert settings: pin ours, put theirs back afterwards. */
async function setSettings(s: Partial<AlertSettings>) {
  const value = { ...defaultAlertSettings, ...s } as unknown as Prisma.InputJsonValue;
  await db.setting.upsert({ where: { key: ALERT_SETTINGS_KEY }, create: { key: ALERT_SETTINGS_KEY, value }, update: { value } });
}

beforeAll(async () => {
  process.env.POSTURE_PUBLIC_URL = publicUrl;
  await ensureTestUsers();
  savedSettings = await db.setting.findUnique({ where: { key: ALERT_SETTINGS_KEY }, select: { value: true } });
  await setSettings({});
});

afterAll(async () => {
  if (savedSettings) await db.setting.update({ where: { key: ALERT_SETTINGS_KEY }, data: { value: savedSettings.value as Prisma.InputJsonValue } });
  else await db.setting.deleteMany({ where: { key: ALERT_SETTINGS_KEY } });
  // archived: later files' fleet-wide scans leave our targets alone
  await db.target.updateMany({ where: { id: { in: ourTargets } }, data: { archivedAt: new Date() } });
});

const outboxOf = (targetId: string) => db.outbox.findMany({ where: { targetId }, orderBy: { dedupeKey: 'asc' } });

describe('alert rules on real scans of the lab (cert-expiring: 10 days left)', () => {
  const tmpRoot = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
  const baseDir = mkdtempSync(path.join(tmpRoot, 'posture-alerts-'));
  let fleet: LabFleet;
  let lab: LabTarget;

  beforeAll(async () => {
    fleet = await startLabFleet({ baseDir, only: ['cert-expiring'] });
    lab = fleet.targets[0]!;
  }, 90_000);

  afterAll(async () => {
    await fleet?.stop();
    rmSync(baseDir, { recursive: true, force: true });
  });

  async function labTarget(owner: string) {
    const t = await createTarget(editorCtx, {
      name: uniqueName('alert-lab'),
      engine: 'postgresql',
      host: lab.host,
      port: lab.port,
      database: lab.database,
      caPem: lab.caPem,
      ownerEmail: owner,
      credential: { username: lab.probeUser, password: lab.probePassword },
    });
    ourTargets.push(t.id);
    return t;
  }

  async function scan(targetId: string) {
    const s = await db.scan.create({ data: { targetId, trigger: 'manual', status: 'queued', slot: `manual:${uniqueName('alert')}` } });
    await runScan(s.id);
    expect((await db.scan.findUniqueOrThrow({ where: { id: s.id } })).status).toBe('succeeded');
  }

  it('writes exactly one "14 days" email with subject, evidence, remediation and link; a second scan writes nothing', async () => {
    const t = await labTarget(`Owner-${uniqueName('o')}@Example.com`);
    await scan(t.id);
    const rows = await outboxOf(t.id);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    const state = await db.checkState.findUniqueOrThrow({ where: { targetId_checkId: { targetId: t.id, checkId: 'cert.expiry' } } });
    const fp = (state.evidence as { fingerprint256: string }).fingerprint256;
    expect(fp).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(row).toMatchObject({ dedupeKey: `cert:${t.id}:${fp}:14`, kind: 'cert.expiry', severity: 'high', status: 'pending', digest: false, recipients: [t.ownerEmail!.toLowerCase()] });
    expect(row.subject).toMatch(new RegExp(`^\\[Posture\\] ${t.name}: TLS certificate expires in (9|10) days \\(action needed\\)$`));
    expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    const link = `${publicUrl}/databases/${t.id}`;
    expect(row.text).toContain(link);
    expect(row.html).toContain(`href="${link}"`);
    expect(row.text).toContain('openssl req -new -newkey rsa:4096');
    // the commands name this database, and only PostgreSQL's way of doing it
    expect(row.text).toContain(`  openssl s_client -connect ${lab.host}:${lab.port} -starttls postgres`);
    expect(row.text).toContain('SELECT pg_reload_conf();');
    for (const foreign of ['<host>', '<port>', 'Redis', 'RabbitMQ', 'Patroni', 'etcd', 'pgBackRest', 'tls-cert-file']) expect(row.text).not.toContain(foreign);
    expect(row.text).toContain(`SHA-256 fingerprint: ${fp}`);
    for (const secret of [lab.probePassword, lab.superPassword]) expect(JSON.stringify(rows)).not.toContain(secret);

    await scan(t.id);
    expect(await outboxOf(t.id)).toHaveLength(1);
  }, 60_000);

  it('an accepted exception suppresses the alert; once it expires, the next scan alerts', async () => {
    const t = await labTarget(`owner-${uniqueName('x')}@example.com`);
    const e = await createException(editorCtx, { targetId: t.id, checkId: 'cert.expiry', reason: 'Renewal scheduled with the CA next week', expiresAt: new Date(Date.now() + 30 * DAY).toISOString() });
    await scan(t.id);
    await scan(t.id);
    expect(await outboxOf(t.id)).toEqual([]);

    await db.exception.update({ where: { id: e.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await scan(t.id);
    const rows = await outboxOf(t.id);
    // the lapsed exception also drops the grade with exceptions (A+ to D): that alerts too
    expect(rows.map((r) => r.kind)).toEqual(['cert.expiry', 'grade.drop']);
    expect(rows[0]!.dedupeKey).toMatch(new RegExp(`^cert:${t.id}:[0-9A-F:]+:14$`));
    expect(rows[1]!.subject).toBe(`[Posture] ${t.name}: grade dropped from A+ to D (action needed)`);
    expect(JSON.stringify(rows)).not.toContain(lab.probePassword);
  }, 60_000);
});

describe('alertsForScan in the scan transaction (store only)', () => {
  const at0 = new Date(FIXED_NOW);
  const later = (h: number) => new Date(at0.getTime() + h * 3_600_000);
  const certObs = (fp: string, days: number): Observations => {
    const notAfter = hoursFromNow(days * 24 + 6);
    const served = withData('certificate', { chain: [certInfo({ notAfter, fingerprint256: fp })], earliestNotAfter: notAfter, daysLeft: days });
    // a renewal reaches the server and its TLS Secret alike, so cert.matches_secret keeps passing
    return { ...served, k8sTlsSecret: withData('k8sTlsSecret', { fingerprint256: fp }).k8sTlsSecret };
  };
  const canary = 'canary-db-password-never-in-email-0123456789';

  async function seeded(owner: string | null = `owner-${uniqueName('s')}@example.com`, ownerTeam?: string) {
    const t = await createTarget(editorCtx, {
      name: uniqueName('alert-glue'), engine: 'postgresql', host: 'db.example.internal', port: 5432, ownerEmail: owner, ownerTeam, credential: { username: 'app', password: canary },
    });
    ourTargets.push(t.id);
    return t;
  }

  /** What runScan does once the probes are in, with the observations given. */
  async function scanWith(targetId: string, obs: Observations, at: Date, opts: { failAfter?: boolean } = {}) {
    const results = evaluateChecks({ ...obs, now: at.toISOString() });
    const grade = gradeTarget(results, await activeExceptionIds(db, targetId, at));
    return db.$transaction(async (tx) => {
      const before = await targetBeforeScan(tx, targetId);
      const { changed } = await persistScanResult(tx, { targetId, results, grade, at });
      const written = await alertsForScan(tx, { before, results, grade, changed, at });
      if (opts.failAfter) throw new Error('scan failed after alerting');
      return written;
    });
  }

  it('the rows commit with the state change or not at all', async () => {
    const t = await seeded();
    await expect(scanWith(t.id, certObs('RB', 5), at0, { failAfter: true })).rejects.toThrow('scan failed after alerting');
    expect(await outboxOf(t.id)).toEqual([]);
    expect(await db.checkState.count({ where: { targetId: t.id } })).toBe(0);
    expect(await scanWith(t.id, certObs('RB', 5), at0)).toBe(1);
    expect((await outboxOf(t.id)).map((r) => r.dedupeKey)).toEqual([`cert:${t.id}:RB:7`]);
  });

  it('owner addressed, security list copied, in one row; digest recipients get one row each; re-runs write nothing', async () => {
    const owner = `owner-${uniqueName('d')}@example.com`;
    await setSettings({ securityRecipients: ['sec-team@example.com', 'sec-digest@example.com'], digestRecipients: ['sec-digest@example.com'] });
    try {
      const t = await seeded(owner);
      expect(await scanWith(t.id, certObs('DG', 20), at0)).toBe(2);
      const rows = await outboxOf(t.id);
      expect(rows.map((r) => [r.dedupeKey, r.digest, r.recipients, r.cc])).toEqual([
        [`cert:${t.id}:DG:30`, false, [owner], ['sec-team@example.com']],
        [`cert:${t.id}:DG:30#digest:sec-digest@example.com`, true, ['sec-digest@example.com'], []],
      ]);
      expect(await scanWith(t.id, certObs('DG', 19), later(24))).toBe(0);
      expect(await outboxOf(t.id)).toHaveLength(2);
      expect(JSON.stringify(rows)).not.toContain(canary);
    } finally {
      await setSettings({});
    }
  });

  it('a renewed certificate resets the thresholds; alternating certificates do not storm', async () => {
    const t = await seeded();
    await scanWith(t.id, certObs('OLD', 6), at0);
    await scanWith(t.id, certObs('NEW', 80), later(1));
    for (let i = 2; i < 12; i++) await scanWith(t.id, i % 2 ? certObs('OLD', 6) : certObs('NEW', 80), later(i));
    const rows = await outboxOf(t.id);
    expect(rows.filter((r) => r.kind === 'cert.expiry').map((r) => r.dedupeKey)).toEqual([`cert:${t.id}:NEW:90`, `cert:${t.id}:OLD:7`]);
    // the grade flips with the certificate (D, A+, D, …): a drop alerts at most once a day
    expect(rows.filter((r) => r.kind === 'grade.drop').map((r) => r.dedupeKey)).toEqual([`grade:${t.id}:A+:D:${FIXED_NOW.slice(0, 10)}`]);
  });

  it('grade drop and new critical finding on the next scan; switched-off rules write nothing', async () => {
    const t = await seeded();
    expect(await scanWith(t.id, healthyObservations(), at0)).toBe(0);
    // the server refuses SSLRequest: pg.tls.enabled (critical) fails and caps the grade
    const unreachable = withData('pgTls', { sslResponse: 'N', handshake: null });
    await setSettings({ rules: { ...defaultAlertSettings.rules, newCritical: false } });
    try {
      await scanWith(t.id, unreachable, later(1));
    } finally {
      await setSettings({});
    }
    const after = await db.target.findUniqueOrThrow({ where: { id: t.id }, select: { grade: true } });
    const day = FIXED_NOW.slice(0, 10);
    const rows = await outboxOf(t.id);
    expect(rows.map((r) => r.dedupeKey)).toEqual([`grade:${t.id}:A+:${after.grade}:${day}`]);
    expect(rows[0]!.subject).toBe(`[Posture] ${t.name}: grade dropped from A+ to ${after.grade} (action needed)`);

    // back to healthy, then failing again with the rule on: a new critical finding (same day: the grade key exists)
    await scanWith(t.id, healthyObservations(), later(2));
    await scanWith(t.id, unreachable, later(3));
    const kinds = (await outboxOf(t.id)).map((r) => r.kind).sort();
    expect(kinds).toEqual(['critical.new', 'grade.drop']);
  });

  it('a stale backup under an exception alerts nothing until the exception expires, then alerts once, with the grade drop it causes', async () => {
    const t = await seeded();
    const stale = withData('backup', { newestSuccessAt: hoursFromNow(-60), ageHours: 60 });
    await scanWith(t.id, healthyObservations(), at0);
    await db.exception.create({ data: { targetId: t.id, checkId: 'backup.freshness', reason: 'Backup host migration this week', expiresAt: later(3) } });
    await scanWith(t.id, stale, later(1));
    await scanWith(t.id, stale, later(2));
    expect(await outboxOf(t.id)).toEqual([]);
    // the exception lapsed at hour 3; the check never changed status, yet the next scan alerts
    await scanWith(t.id, stale, later(4));
    await scanWith(t.id, stale, later(5));
    const rows = await outboxOf(t.id);
    // once, not per scan; the failing high check also caps the grade at B (policy v2), which is its own alert
    const day = FIXED_NOW.slice(0, 10);
    expect(rows.map((r) => r.dedupeKey).sort()).toEqual([`backup:${t.id}:${day}`, `grade:${t.id}:A+:B:${day}`]);
    const backup = rows.find((r) => r.kind === 'backup.stale')!;
    expect(backup.text).toContain(backupFreshnessCheck.remediation.split('\n')[1]!);
    expect(rows.find((r) => r.kind === 'grade.drop')!.text).toContain('backup.freshness (high)');
  });

  it("a target without an owner email goes to its team's address (any case), cc the security list; an unknown team goes to the security list", async () => {
    await setSettings({ securityRecipients: ['sec-team@example.com'], teamAddresses: [{ team: 'Payments', email: 'payments-oncall@example.com' }] });
    try {
      const byTeam = await seeded(null, 'payments');
      const unknownTeam = await seeded(null, 'billing');
      expect(await scanWith(byTeam.id, certObs('TM', 20), at0)).toBe(1);
      expect(await scanWith(unknownTeam.id, certObs('TU', 20), at0)).toBe(1);
      expect((await outboxOf(byTeam.id)).map((r) => [r.recipients, r.cc])).toEqual([[['payments-oncall@example.com'], ['sec-team@example.com']]]);
      expect((await outboxOf(unknownTeam.id)).map((r) => [r.recipients, r.cc])).toEqual([[['sec-team@example.com'], []]]);
    } finally {
      await setSettings({});
    }
  });

  it('a target with no owner and no security list queues nothing', async () => {
    const t = await seeded(null);
    expect(await scanWith(t.id, certObs('NO', 3), at0)).toBe(0);
    expect(await outboxOf(t.id)).toEqual([]);
  });
});

describe('alert settings services', () => {
  it('admins replace them (validated, lower-cased, audited); every role reads them; others may not write', async () => {
    try {
      const saved = await updateSetting(adminCtx, 'alerts', { rules: { gradeDrop: false }, securityRecipients: ['SecOps@Example.com', 'secops@example.com'], digestRecipients: [] });
      expect(saved.securityRecipients).toEqual(['secops@example.com']);
      expect(await getSetting(viewerCtx, 'alerts')).toEqual(saved);
      const audit = await db.auditLog.findFirst({ where: { action: 'alerts.settings.update' }, orderBy: { id: 'desc' } });
      expect(audit).toMatchObject({ actor: 'user:admin@test.local', entity: 'setting', entityId: 'alerts' });
      await expect(updateSetting(editorCtx, 'alerts', {})).rejects.toMatchObject({ code: 'forbidden' });
      await expect(updateSetting(adminCtx, 'alerts', { securityRecipients: ['x@example.com\r\nBcc: y@example.com'] })).rejects.toMatchObject({
        issues: [expect.objectContaining({ path: ['securityRecipients', 0] })],
      });
    } finally {
      await setSettings({});
    }
  });
});
