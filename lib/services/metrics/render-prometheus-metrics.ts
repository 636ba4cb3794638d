import 'server-only';
import { Gauge, Registry, type Metric } from 'prom-client';
import { db } from '../../db';
import { SCAN_DURATION_METRIC } from '../../metrics/record-histogram-sample';
import { gradeFleetFromStore } from '../../fleet/grade-fleet-from-store';
import { gradeRank, isGrade } from '../../grading/grade-bands';
import type { GradeCap } from '../../grading/grade-target';
import { authorize, type ServiceContext } from '../service-context';

export interface RenderedMetrics {
  contentType: string;
  body: string;
}

type HistogramValue = { metricName: string; labels: Record<string, string | number>; value: number };

/** The shared scan-duration histogram row, exposed as a prom-client metric so the registry formats it. */
async function scanDurationMetric(): Promise<Metric> {
  const row = await db.metricHistogram.findUnique({ where: { name: SCAN_DURATION_METRIC } });
  const bounds = row?.bounds ?? [];
  const values: HistogramValue[] = bounds.map((le, i) => ({ metricName: `${SCAN_DURATION_METRIC}_bucket`, labels: { le }, value: Number(row?.counts[i] ?? 0) }));
  values.push({ metricName: `${SCAN_DURATION_METRIC}_bucket`, labels: { le: '+Inf' }, value: Number(row?.count ?? 0) });
  values.push({ metricName: `${SCAN_DURATION_METRIC}_sum`, labels: {}, value: row?.sum ?? 0 });
  values.push({ metricName: `${SCAN_DURATION_METRIC}_count`, labels: {}, value: Number(row?.count ?? 0) });
  const help = 'Wall time of completed scans (claim to commit), across every worker';
  const metric = { name: SCAN_DURATION_METRIC, help, type: 'histogram', aggregator: 'sum', get: async () => ({ name: SCAN_DURATION_METRIC, help, type: 'histogram', aggregator: 'sum', values }) };
  return metric as unknown as Metric;
}

/**
 * Posture's gauges in the Prometheus text format, read from the store on each scrape (no per-process state, so
 * any replica answers the same). Failing checks are exported only while failing, to keep series proportional to problems.
 */
export async function renderPrometheusMetrics(ctx: ServiceContext, now = new Date()): Promise<RenderedMetrics> {
  authorize(ctx, 'inventory:read');
  const [graded, targets, failing, certs, backups, histogram] = await Promise.all([
    gradeFleetFromStore(db),
    db.target.findMany({
      where: { archivedAt: null, score: { not: null } },
      select: { name: true, engine: true, environment: true, score: true, grade: true, scoreGrade: true, caps: true },
      orderBy: { name: 'asc' },
    }),
    db.$queryRaw<{ target: string; check: string; severity: string }[]>`
      SELECT t.name AS target, cs."checkId" AS check, cs.severity::text AS severity
      FROM "CheckState" cs JOIN "Target" t ON t.id = cs."targetId"
      WHERE cs.status = 'fail' AND t."archivedAt" IS NULL ORDER BY 1, 2`,
    db.$queryRaw<{ target: string; fingerprint: string; notAfter: string }[]>`
      SELECT t.name AS target, cs.evidence->>'fingerprint256' AS fingerprint, cs.evidence->>'earliestNotAfter' AS "notAfter"
      FROM "CheckState" cs JOIN "Target" t ON t.id = cs."targetId"
      WHERE cs."checkId" = 'cert.expiry' AND t."archivedAt" IS NULL
        AND cs.evidence->>'earliestNotAfter' IS NOT NULL AND cs.evidence->>'fingerprint256' IS NOT NULL ORDER BY 1`,
    db.$queryRaw<{ target: string; newest: string }[]>`
      SELECT t.name AS target, cs.evidence->>'newestSuccessAt' AS newest
      FROM "CheckState" cs JOIN "Target" t ON t.id = cs."targetId"
      WHERE cs."checkId" = 'backup.freshness' AND t."archivedAt" IS NULL AND cs.evidence->>'newestSuccessAt' IS NOT NULL ORDER BY 1`,
    scanDurationMetric(),
  ]);
  const registry = new Registry();
  const gauge = (name: string, help: string, labelNames: string[] = []) => new Gauge({ name, help, labelNames, registers: [registry] });

  const fleet = gauge('posture_fleet_score', 'Fleet score 0-100 (criticality-weighted; accepted exceptions count as failing)');
  if (graded.fleet.score !== null) fleet.set(graded.fleet.score);
  const fleetWx = gauge('posture_fleet_score_with_exceptions', 'Fleet score 0-100 with accepted exceptions left out');
  if (graded.withExceptions.score !== null) fleetWx.set(graded.withExceptions.score);
  const fleetGrade = gauge('posture_fleet_grade', 'Fleet grade as a rank (A+ 12 … F 0); labels: the grade, and the grade of the weighted mean alone', ['grade', 'score_grade']);
  if (graded.fleet.grade && graded.fleet.scoreGrade) fleetGrade.set({ grade: graded.fleet.grade, score_grade: graded.fleet.scoreGrade }, gradeRank(graded.fleet.grade));
  const fleetCap = gauge('posture_fleet_grade_cap', 'Databases behind each fleet rule of the grading policy that caps the fleet grade (series only while it does)', ['rule', 'max_grade']);
  for (const c of graded.fleet.caps) fleetCap.set({ rule: c.rule, max_grade: c.maxGrade }, c.databases);
  const targetScore = gauge('posture_target_score', 'Score 0-100 of each graded active database', ['target', 'engine', 'environment']);
  const targetGrade = gauge('posture_target_grade', 'Grade of each graded active database as a rank (A+ 12 … F 0); score_grade is the grade of the score alone', ['target', 'grade', 'score_grade']);
  const targetCap = gauge('posture_target_grade_cap', '1 while a rule of the grading policy caps a database (series absent otherwise); checks names what triggers it', ['target', 'rule', 'max_grade', 'checks']);
  for (const t of targets) {
    targetScore.set({ target: t.name, engine: t.engine, environment: t.environment }, t.score ?? 0);
    if (isGrade(t.grade)) targetGrade.set({ target: t.name, grade: t.grade, score_grade: t.scoreGrade ?? t.grade }, gradeRank(t.grade));
    for (const c of (t.caps as GradeCap[] | null) ?? []) targetCap.set({ target: t.name, rule: c.rule, max_grade: c.maxGrade, checks: c.checkIds.join(',') }, 1);
  }
  const checkFailing = gauge('posture_check_failing', '1 while a check fails on a database (series absent otherwise)', ['target', 'check', 'severity']);
  for (const f of failing) checkFailing.set({ target: f.target, check: f.check, severity: f.severity }, 1);
  const certExpiry = gauge('posture_cert_expiry_timestamp_seconds', 'notAfter of the earliest-expiring served certificate, Unix seconds', ['target', 'fingerprint']);
  for (const c of certs) {
    const at = Date.parse(c.notAfter);
    if (!Number.isNaN(at)) certExpiry.set({ target: c.target, fingerprint: c.fingerprint }, Math.floor(at / 1000));
  }
  const backupAge = gauge('posture_backup_age_seconds', 'Age of the newest successful backup, at scrape time', ['target']);
  for (const b of backups) {
    const at = Date.parse(b.newest);
    if (!Number.isNaN(at)) backupAge.set({ target: b.target }, Math.max(0, Math.round((now.getTime() - at) / 1000)));
  }
  registry.registerMetric(histogram);
  return { contentType: registry.contentType, body: await registry.metrics() };
}
