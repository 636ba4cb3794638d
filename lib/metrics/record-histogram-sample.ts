import type { Db } from '../db';

/** Seconds; wide enough for a healthy LAN scan (tenths) and a scan that waits out every probe deadline (minutes). */
export const scanDurationBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120] as const;
export const SCAN_DURATION_METRIC = 'posture_scan_duration_seconds';

/**
 * Adds one sample to a cumulative histogram row shared by every worker: each bucket whose bound is ≥ the
 * value gains one, in one statement, so concurrent workers never lose an increment. One row per metric.
 */
export async function recordHistogramSample(client: Db, name: string, value: number, bounds: readonly number[]): Promise<void> {
  await client.$executeRaw`
    INSERT INTO "MetricHistogram" (name, bounds, counts, sum, count)
    SELECT ${name}, ${bounds}::float8[], array_agg((CASE WHEN ${value}::float8 <= b THEN 1 ELSE 0 END)::bigint ORDER BY i), ${value}::float8, 1
    FROM unnest(${bounds}::float8[]) WITH ORDINALITY AS u(b, i)
    ON CONFLICT (name) DO UPDATE SET
      counts = (SELECT array_agg(c + (CASE WHEN ${value}::float8 <= b THEN 1 ELSE 0 END) ORDER BY i)
                FROM unnest("MetricHistogram".counts, "MetricHistogram".bounds) WITH ORDINALITY AS u(c, b, i)),
      sum = "MetricHistogram".sum + ${value}::float8,
      count = "MetricHistogram".count + 1`;
}
