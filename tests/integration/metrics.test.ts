import '../setup/store-env';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { recordHistogramSample, SCAN_DURATION_METRIC, scanDurationBuckets } from '../../lib/metrics/record-histogram-sample';
import { createApiToken } from '../../lib/services/tokens/create-api-token';
import { regradeTarget } from '../../lib/scan/regrade-target';
import { systemContext } from '../../lib/services/service-context';
import { createTarget } from '../../lib/services/targets/create-target';
import { editorCtx, uniqueName } from '../setup/contexts';
import { callRoute } from '../support/call-route';

const system = systemContext('test');
// Read once by lib/env on the first request of this file (each test file has its own module state).
const scraperBearer = `scraper-${'k'.repeat(40)}`;
process.env.POSTURE_METRICS_TOKEN = scraperBearer;
let read = '';
let target = { id: '', name: '' };
const notAfter = new Date('2027-01-15T12:00:00.000Z');
const backupAt = new Date(Date.now() - 5 * 3_600_000);

/** Prometheus text → { 'name{labels}': value } (labels as printed, in prom-client's order). */
function parseExposition(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const i = line.lastIndexOf(' ');
    out.set(line.slice(0, i), Number(line.slice(i + 1)));
  }
  return out;
}

async function scrape(token = read): Promise<Map<string, number>> {
  const res = await callRoute({ method: 'GET', template: '/metrics', token });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseExposition(await res.text());
}

beforeAll(async () => {
  read = (await createApiToken(system, { name: uniqueName('prom'), scopes: ['read'] })).token;
  const t = await createTarget(editorCtx, { name: uniqueName('metrics'), engine: 'postgresql', host: 'db.example.internal', port: 5432, environment: 'staging' });
  target = { id: t.id, name: t.name };
  const at = new Date();
  const state = (checkId: string, status: 'pass' | 'fail', severity: 'critical' | 'high' | 'medium', evidence: object) => ({
    targetId: t.id, checkId, status, severity, evidence: { summary: checkId, ...evidence }, firstSeenAt: at, changedAt: at, lastSeenAt: at,
  });
  await db.checkState.createMany({
    data: [
      state('pg.tls.enabled', 'fail', 'critical', {}),
      state('cert.expiry', 'pass', 'high', { earliestNotAfter: notAfter.toISOString(), fingerprint256: 'AB:CD:EF' }),
      state('backup.freshness', 'pass', 'medium', { newestSuccessAt: backupAt.toISOString() }),
    ],
  });
  await db.$transaction((tx) => regradeTarget(tx, t.id, at));
});

describe('/metrics', () => {
  it('exports the fleet and per-target gauges from the store', async () => {
    const m = await scrape();
    const stored = await db.target.findUniqueOrThrow({ where: { id: target.id } });
    expect(m.get('posture_fleet_score')).toBeGreaterThanOrEqual(0);
    expect(m.get(`posture_target_score{target="${target.name}",engine="postgresql",environment="staging"}`)).toBe(stored.score);
    expect(m.get(`posture_check_failing{target="${target.name}",check="pg.tls.enabled",severity="critical"}`)).toBe(1);
    // TLS off is no protection at all: F, and the cap says so (docs/grading.md)
    expect(m.get(`posture_target_grade{target="${target.name}",grade="F",score_grade="F"}`)).toBe(0);
    expect(m.get(`posture_target_grade_cap{target="${target.name}",rule="no-protection",max_grade="F",checks="pg.tls.enabled"}`)).toBe(1);
    expect([...m.keys()].some((k) => k.startsWith('posture_fleet_grade{'))).toBe(true);
    expect([...m.keys()].some((k) => k.startsWith(`posture_check_failing{target="${target.name}",check="cert.expiry"`))).toBe(false);
    expect(m.get(`posture_cert_expiry_timestamp_seconds{target="${target.name}",fingerprint="AB:CD:EF"}`)).toBe(notAfter.getTime() / 1000);
    const age = m.get(`posture_backup_age_seconds{target="${target.name}"}`)!;
    expect(age).toBeGreaterThanOrEqual(5 * 3600 - 5);
    expect(age).toBeLessThan(5 * 3600 + 120);
  });

  it('the scan duration histogram is cumulative and shared through the store', async () => {
    const before = await scrape();
    for (const v of [0.07, 0.3, 45]) await recordHistogramSample(db, SCAN_DURATION_METRIC, v, scanDurationBuckets);
    const after = await scrape();
    const delta = (le: string) => (after.get(`posture_scan_duration_seconds_bucket{le="${le}"}`) ?? 0) - (before.get(`posture_scan_duration_seconds_bucket{le="${le}"}`) ?? 0);
    expect(delta('0.05')).toBe(0);
    expect(delta('0.1')).toBe(1);
    expect(delta('0.5')).toBe(2);
    expect(delta('30')).toBe(2);
    expect(delta('60')).toBe(3);
    expect(delta('+Inf')).toBe(3);
    expect((after.get('posture_scan_duration_seconds_count') ?? 0) - (before.get('posture_scan_duration_seconds_count') ?? 0)).toBe(3);
    expect((after.get('posture_scan_duration_seconds_sum') ?? 0) - (before.get('posture_scan_duration_seconds_sum') ?? 0)).toBeCloseTo(45.37, 5);
  });

  it('needs a read token (or the configured scraper bearer): 401 without, 403 with scan only', async () => {
    expect((await callRoute({ method: 'GET', template: '/metrics' })).status).toBe(401);
    const scanOnly = (await createApiToken(system, { name: uniqueName('scan-only'), scopes: ['scan'] })).token;
    expect((await callRoute({ method: 'GET', template: '/metrics', token: scanOnly })).status).toBe(403);
    expect((await callRoute({ method: 'GET', template: '/metrics', query: { access_token: read } })).status).toBe(401);
    expect((await callRoute({ method: 'GET', template: '/metrics', token: scraperBearer })).status).toBe(200);
    expect((await callRoute({ method: 'GET', template: '/metrics', token: `${scraperBearer}x` })).status).toBe(401);
  });
});
