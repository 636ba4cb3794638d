import { describe, expect, it } from 'vitest';
import { evaluateChecks } from '../engines/evaluate-checks';
import type { CheckResult } from '../checks/check-definition';
import { certInfo, daysFromNow, FIXED_NOW, healthyObservations, hoursFromNow, withData } from '../../tests/fixtures/test-fixtures';
import type { Observations } from '../probes/observations/observations';
import { defaultAlertSettings, type AlertSettings } from '../validations/alert-settings';
import { isoWeek } from './alert-intent';
import { evaluateAlertRules, isLetterDrop, type AlertRuleInput, type CheckTransition } from './evaluate-alert-rules';

const target = { id: 't-1', name: 'auth-db', ownerEmail: 'owner@example.com' };
const now = new Date(FIXED_NOW);
const dayMs = 86_400_000;

/** Observations whose served certificate (fingerprint `fp`) has `days` whole days left at `at`. */
function certObs(days: number, fp: string, at = now): Observations {
  const notAfter = new Date(at.getTime() + days * dayMs + 6 * 3_600_000).toISOString();
  const obs = withData('certificate', { chain: [certInfo({ notAfter, fingerprint256: fp })], earliestNotAfter: notAfter, earliestSubject: 'CN=db.example.com', daysLeft: days });
  return { ...obs, now: at.toISOString() };
}

function run(results: CheckResult[], patch: Partial<AlertRuleInput> = {}) {
  return evaluateAlertRules({
    target,
    previousGrade: 'A',
    newGrade: 'A',
    results,
    transitions: [],
    exceptedIds: new Set(),
    settings: defaultAlertSettings,
    now,
    ...patch,
  });
}

/** Replays scans like the Outbox would: a key already written never alerts again. */
function outbox() {
  const seen = new Set<string>();
  return (intents: ReturnType<typeof run>) => intents.map((i) => i.dedupeKey).filter((k) => !seen.has(k) && (seen.add(k), true));
}

const certKeys = (intents: ReturnType<typeof run>) => intents.filter((i) => i.kind === 'cert.expiry').map((i) => i.dedupeKey);

describe('certificate expiry', () => {
  it('a certificate first seen at 5 days left alerts "7 days" only, not 90/30/14 as well', () => {
    const intents = run(evaluateChecks(certObs(5, 'FP:A')));
    expect(certKeys(intents)).toEqual(['cert:t-1:FP:A:7']);
    const cert = intents.find((i) => i.kind === 'cert.expiry')!;
    expect(cert.subject).toBe('[Posture] auth-db: TLS certificate expires in 5 days (urgent)');
    expect(cert.severity).toBe('critical');
    expect(cert.facts).toMatchObject({ 'Days left': 5, 'SHA-256 fingerprint': 'FP:A', Threshold: '7 days left' });
  });

  it('walks the thresholds one scan at a time: each crossed once, then 1 day at 0 days left, then expired', () => {
    const written = outbox();
    const keys = [120, 95, 90, 60, 30, 29, 14, 10, 7, 3, 1, 0, -1, -5].flatMap((d) => written(run(evaluateChecks(certObs(d, 'FP:A')))));
    expect(keys).toEqual(['cert:t-1:FP:A:90', 'cert:t-1:FP:A:30', 'cert:t-1:FP:A:14', 'cert:t-1:FP:A:7', 'cert:t-1:FP:A:1', 'cert:t-1:FP:A:expired']);
  });

  it('subjects say what and how urgent: today, expired', () => {
    expect(run(evaluateChecks(certObs(0, 'F')))[0]!.subject).toBe('[Posture] auth-db: TLS certificate expires today (urgent)');
    expect(run(evaluateChecks(certObs(-3, 'F')))[0]!.subject).toBe('[Posture] auth-db: TLS certificate expired 3 days ago (urgent)');
    expect(run(evaluateChecks(certObs(1, 'F')))[0]!.subject).toContain('expires in 1 day (urgent)');
    expect(run(evaluateChecks(certObs(25, 'F')))[0]!.subject).toBe('[Posture] auth-db: TLS certificate expires in 25 days (soon)');
  });

  it('expired when notAfter is past though daysLeft rounds to 0', () => {
    const obs = withData('certificate', { earliestNotAfter: hoursFromNow(-2), daysLeft: 0 });
    expect(certKeys(run(evaluateChecks(obs)))).toEqual(['cert:t-1:AA:BB:expired']);
  });

  it('a renewed certificate (new fingerprint) starts its thresholds afresh', () => {
    const written = outbox();
    expect(written(run(evaluateChecks(certObs(6, 'OLD'))))).toEqual(['cert:t-1:OLD:7']);
    expect(written(run(evaluateChecks(certObs(89, 'NEW'))))).toEqual(['cert:t-1:NEW:90']);
    expect(written(run(evaluateChecks(certObs(80, 'NEW'))))).toEqual([]);
    expect(written(run(evaluateChecks(certObs(30, 'NEW'))))).toEqual(['cert:t-1:NEW:30']);
  });

  it('a load balancer alternating two certificates does not storm: each fingerprint alerts each threshold once', () => {
    const written = outbox();
    const keys: string[] = [];
    for (let scan = 0; scan < 20; scan++) {
      const at = new Date(now.getTime() + scan * 3_600_000);
      keys.push(...written(run(evaluateChecks(scan % 2 ? certObs(12, 'LB:1', at) : certObs(200, 'LB:2', at)), { now: at })));
    }
    expect(keys).toEqual(['cert:t-1:LB:1:14']);
  });

  it('no alert beyond 90 days, none when the probe could not see a certificate', () => {
    expect(certKeys(run(evaluateChecks(certObs(91, 'X'))))).toEqual([]);
    const noTls = { ...healthyObservations(), certificate: { status: 'skipped' as const, reason: 'TLS is not offered' } };
    expect(certKeys(run(evaluateChecks(noTls)))).toEqual([]);
  });
});

describe('password rotation', () => {
  const rotated = (ageDays: number, at = now) => {
    const rotatedAt = new Date(at.getTime() - ageDays * dayMs).toISOString();
    return { ...withData('passwordAge', { source: 'posture', ageDays, rotatedAt }), now: at.toISOString() };
  };
  const pwd = (intents: ReturnType<typeof run>) => intents.filter((i) => i.kind === 'password.rotation');
  const anchor = new Date(now.getTime() - 85 * dayMs).toISOString();

  it('due in 10 days, due today, then overdue once per ISO week', () => {
    const written = outbox();
    const keys: string[] = [];
    // one scan a day from age 75 to age 110, the same rotation throughout
    for (let age = 75; age <= 110; age++) {
      const at = new Date(now.getTime() + (age - 85) * dayMs);
      keys.push(...written(pwd(run(evaluateChecks(rotated(age, at)), { now: at }))));
    }
    const base = `pwd:t-1:${anchor}`;
    expect(keys.slice(0, 2)).toEqual([`${base}:due10`, `${base}:due0`]);
    const overdue = keys.slice(2);
    expect(overdue.every((k) => /:overdue:\d{4}-W\d{2}$/.test(k))).toBe(true);
    // 20 days overdue: three or four distinct ISO weeks, never one a day
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    expect(overdue.length).toBeLessThanOrEqual(4);
  });

  it('subjects: due in n days, due today, overdue', () => {
    expect(pwd(run(evaluateChecks(rotated(84))))[0]!.subject).toBe('[Posture] auth-db: password rotation due in 6 days (soon)');
    expect(pwd(run(evaluateChecks(rotated(90))))[0]!.subject).toBe('[Posture] auth-db: password rotation due today (action needed)');
    const overdue = pwd(run(evaluateChecks(rotated(95))))[0]!;
    expect(overdue.subject).toBe('[Posture] auth-db: password rotation overdue by 5 days (action needed)');
    expect(overdue.dedupeKey).toBe(`pwd:t-1:${new Date(now.getTime() - 95 * dayMs).toISOString()}:overdue:${isoWeek(now)}`);
  });

  it('a Redis or RabbitMQ credential falls due the same way; the pgBackRest TLS server has none', () => {
    const on = (engine: string) => ({ ...rotated(95), target: { ...healthyObservations().target, engine } });
    for (const engine of ['redis', 'rabbitmq', 'etcd', 'patroni']) {
      expect(pwd(run(evaluateChecks(on(engine))))[0]?.subject, engine).toBe('[Posture] auth-db: password rotation overdue by 5 days (action needed)');
    }
    expect(pwd(run(evaluateChecks(on('pgbackrest'))))).toEqual([]);
  });

  it('nothing more than 10 days ahead; a rotated password starts over', () => {
    expect(pwd(run(evaluateChecks(rotated(79))))).toEqual([]);
    const before = pwd(run(evaluateChecks(rotated(95))))[0]!.dedupeKey;
    const after = pwd(run(evaluateChecks(rotated(85))))[0]!.dedupeKey;
    expect(after).not.toBe(before);
    expect(after.endsWith(':due10')).toBe(true);
  });

  it('a role VALID UNTIL date counts too, keyed by that date', () => {
    const validUntil = daysFromNow(3);
    const obs = withData('passwordAge', { source: 'none', rotatedAt: null, ageDays: null, validUntil });
    expect(pwd(run(evaluateChecks(obs))).map((i) => i.dedupeKey)).toEqual([`pwd:t-1:${validUntil}:due10`]);
  });

  it('isoWeek numbers weeks the ISO way', () => {
    expect(isoWeek(new Date('2026-11-23T12:00:00Z'))).toBe('2026-W48');
    expect(isoWeek(new Date('2027-01-01T00:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2024-12-30T00:00:00Z'))).toBe('2025-W01');
  });
});

describe('backups, WAL, grade and critical findings', () => {
  const day = FIXED_NOW.slice(0, 10);
  const staleBackup = () => evaluateChecks(withData('backup', { newestSuccessAt: hoursFromNow(-40), ageHours: 40 }));
  const walFailing = () =>
    evaluateChecks(
      withData('pgSession', {
        archiver: { archiveMode: 'on', archiveCommandSet: true, archivedCount: 10, lastArchivedAt: hoursFromNow(-5), failedCount: 3, lastFailedAt: hoursFromNow(-1), lastFailedWal: '0000000100000000000000AB' },
      }),
    );
  const turned = (checkId: string, from: string | null = 'pass'): CheckTransition[] => [{ checkId, from, to: 'fail' }];

  it('backup.freshness turning fail alerts once a day; staying fail does not', () => {
    const results = staleBackup();
    expect(run(results, { transitions: turned('backup.freshness') }).map((i) => i.dedupeKey)).toEqual([`backup:t-1:${day}`]);
    expect(run(results)).toEqual([]);
    expect(run(results, { transitions: turned('backup.freshness', 'fail') })).toEqual([]);
  });

  it('backup.wal_archiving turning fail alerts', () => {
    const [wal] = run(walFailing(), { transitions: turned('backup.wal_archiving', 'warn') });
    expect(wal).toMatchObject({ kind: 'wal.failing', dedupeKey: `wal:t-1:${day}`, checkId: 'backup.wal_archiving' });
    expect(wal!.facts.Observed).toContain('archiving failing since');
  });

  it.each([
    ['A-', 'B+', true],
    ['A+', 'A', false],
    ['A', 'A-', false],
    ['B', 'D', true],
    ['C-', 'F', true],
    ['B', 'A', false],
    [null, 'F', false],
    ['A', null, false],
  ])('grade %s → %s is a letter drop: %s', (from, to, drop) => {
    expect(isLetterDrop(from, to)).toBe(drop);
    const intents = run(evaluateChecks(healthyObservations()), { previousGrade: from, newGrade: to });
    expect(intents.map((i) => i.dedupeKey)).toEqual(drop ? [`grade:t-1:${from}:${to}:${day}`] : []);
  });

  it('a critical check turning fail is a new critical finding; cert.expiry has its own rule', () => {
    const obs = { ...certObs(10, 'FP'), reachability: { status: 'ok' as const, data: { reachable: false, classification: 'refused' as const, address: null, connectMs: null, detail: 'ECONNREFUSED' } } };
    const results = evaluateChecks(obs);
    const intents = run(results, { transitions: [...turned('target.reachable'), ...turned('cert.expiry', 'warn')] });
    expect(intents.map((i) => i.dedupeKey).sort()).toEqual(['cert:t-1:FP:14', `critical:t-1:target.reachable:${day}`]);
    expect(intents.find((i) => i.kind === 'critical.new')!.subject).toBe('[Posture] auth-db: critical finding: Target is reachable (urgent)');
  });

  it('a high-severity check turning fail is no critical finding', () => {
    const results = evaluateChecks(withData('certificate', { chain: [certInfo({ keyBits: 1024 })] }));
    expect(run(results, { transitions: turned('cert.key_strength') })).toEqual([]);
  });
});

describe('settings and exceptions', () => {
  const everything = () => {
    const results = evaluateChecks({ ...certObs(5, 'FP'), passwordAge: withData('passwordAge', { ageDays: 95, rotatedAt: daysFromNow(-95) }).passwordAge });
    const transitions: CheckTransition[] = ['backup.freshness', 'backup.wal_archiving', 'pg.tls.enabled'].map((checkId) => ({ checkId, from: 'pass', to: 'fail' }));
    // the statuses the transitions claim, so every rule has something to say
    const failing = results.map((r) => (transitions.some((t) => t.checkId === r.id) ? { ...r, status: 'fail' as const } : r));
    return { results: failing, transitions, previousGrade: 'A', newGrade: 'D' };
  };
  const kinds = (patch: Partial<AlertRuleInput>) => run(everything().results, { ...everything(), ...patch }).map((i) => i.kind).sort();

  it('every rule fires with the defaults', () => {
    expect(kinds({})).toEqual(['backup.stale', 'cert.expiry', 'critical.new', 'grade.drop', 'password.rotation', 'wal.failing']);
  });

  it.each(Object.keys(defaultAlertSettings.rules) as (keyof AlertSettings['rules'])[])('switching off %s silences exactly that rule', (rule) => {
    const settings: AlertSettings = { ...defaultAlertSettings, rules: { ...defaultAlertSettings.rules, [rule]: false } };
    const kind = { certExpiry: 'cert.expiry', passwordRotation: 'password.rotation', backupStale: 'backup.stale', walFailing: 'wal.failing', gradeDrop: 'grade.drop', newCritical: 'critical.new' }[rule];
    expect(kinds({ settings })).toEqual(kinds({}).filter((k) => k !== kind));
  });

  it('checks under an accepted exception alert nothing', () => {
    const exceptedIds = new Set(['cert.expiry', 'password.age', 'backup.freshness', 'backup.wal_archiving', 'pg.tls.enabled']);
    expect(kinds({ exceptedIds })).toEqual(['grade.drop']);
  });

  it('when the exception ends, a check still failing alerts as newly failing', () => {
    const results = everything().results;
    const intents = run(results, { transitions: [], exceptionEndedIds: new Set(['backup.freshness', 'pg.tls.enabled', 'cert.key_strength']) });
    expect(intents.map((i) => i.kind).sort()).toEqual(['backup.stale', 'cert.expiry', 'critical.new', 'password.rotation']);
  });
});
