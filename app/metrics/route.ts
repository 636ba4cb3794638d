import { timingSafeEqual } from 'node:crypto';
import type { NextRequest } from 'next/server';
import { apiRoute } from '@/lib/http/api-route';
import { requireApiCaller } from '@/lib/auth/require-user';
import { env } from '@/lib/env';
import { systemContext } from '@/lib/services/service-context';
import { renderPrometheusMetrics } from '@/lib/services/metrics/render-prometheus-metrics';

export const dynamic = 'force-dynamic';

/** POSTURE_METRICS_TOKEN lets a scraper in without an API token; compared in constant time. */
function isMetricsBearer(req: NextRequest): boolean {
  const configured = env().POSTURE_METRICS_TOKEN;
  const sent = /^Bearer +(\S+)\s*$/i.exec(req.headers.get('authorization') ?? '')?.[1];
  if (!configured || !sent) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(configured);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const GET = apiRoute(async (req) => {
  const ctx = isMetricsBearer(req) ? systemContext('metrics-scraper') : await requireApiCaller(req);
  const metrics = await renderPrometheusMetrics(ctx);
  return new Response(metrics.body, { headers: { 'content-type': metrics.contentType, 'cache-control': 'no-store' } });
});
