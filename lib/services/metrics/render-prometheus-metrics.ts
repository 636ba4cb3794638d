import { Gauge, Registry, type Metric } from 'prom-client';
import { db } from '../../db';
import { SCAN_DURATION_METRIC } from '../../metrics/record-histogram-sample';
import { gradeFleetFromStore } from '../../scan/grade-fleet-from-store';
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
    db.target.findMany({ where: { archivedAt: null, score: { not: null } }, select: { name: true, engine: true, environment: true, score: true }, orderBy: { name: 'asc' } }),
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
  const targetScore = gauge('posture_target_score', 'Score 0-100 of each graded active database', ['target', 'engine', 'environment']);
  for (const t of targets) targetScore.set({ target: t.name, engine: t.engine, environment: t.environment }, t.score ?? 0);
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
