import { db } from '../db';
import { evaluateChecks } from '../engines/evaluate-checks';
import { gradeTarget } from '../grading/grade-target';
import { collectObservations } from './collect-observations';
import { loadScanSpec } from './load-scan-spec';
import { scanProgressRecorder } from './scan-progress-recorder';
import { persistScanResult } from './persist-scan-result';
import { storeTlsScan } from './store-tls-scan';
import { activeExceptionIds } from '../fleet/active-exception-ids';
import { alertsForScan, targetBeforeScan } from '../alerts/alerts-for-scan';
import { recordHistogramSample, SCAN_DURATION_METRIC, scanDurationBuckets } from '../metrics/record-histogram-sample';

/**
 * Runs one queued scan: claim it, probe, evaluate, grade, and persist in one transaction, with the alerts it calls for.
 * A scan already finished is left alone, so a duplicate or retried delivery never writes twice.
 */
export async function runScan(scanId: string): Promise<void> {
  const started = performance.now();
  const claimed = await db.scan.updateMany({
    where: { id: scanId, status: { in: ['queued', 'running', 'failed'] } },
    data: { status: 'running', startedAt: new Date(), error: null },
  });
  if (claimed.count === 0) return;
  const scan = await db.scan.findUniqueOrThrow({ where: { id: scanId }, select: { targetId: true, trigger: true } });
  // Someone is watching a manual or API scan; scheduled ones keep their rows to the result (no writes per probe).
  const progress = scan.trigger === 'schedule' ? null : scanProgressRecorder(scanId);
  try {
    if (progress) await db.scan.update({ where: { id: scanId }, data: { progress: [] } });
    const spec = await loadScanSpec(scan.targetId);
    const observations = await collectObservations(spec, undefined, progress?.onProbe);
    await progress?.flush();
    const results = evaluateChecks(observations);
    const at = new Date();
    const grade = gradeTarget(results, await activeExceptionIds(db, scan.targetId, at));
    // Alerts go to the Outbox in the same transaction as the state change that caused them.
    await db.$transaction(async (tx) => {
      const before = await targetBeforeScan(tx, scan.targetId);
      const { changed } = await persistScanResult(tx, { targetId: scan.targetId, results, grade, at });
      await storeTlsScan(tx, scan.targetId, observations.tlsScan);
      await alertsForScan(tx, { before, results, grade, changed, at });
      await tx.scan.update({ where: { id: scanId }, data: { status: 'succeeded', finishedAt: at, score: grade.score, grade: grade.grade } });
    });
    // After the commit and never fatal: a lost sample is better than a failed scan or a longer lock.
    await recordHistogramSample(db, SCAN_DURATION_METRIC, (performance.now() - started) / 1000, scanDurationBuckets).catch((e: unknown) => {
      console.warn('[metrics] scan duration not recorded:', e instanceof Error ? e.message : 'unknown error');
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    await db.scan.update({ where: { id: scanId }, data: { status: 'failed', finishedAt: new Date(), error: message.slice(0, 500) } });
    throw e;
  }
}
