import 'server-only';
import { db } from '../../db';
import type { RateLimitState } from './consume-rate-limit';

/** Reads `key`'s count in the current window without counting a hit; a row from an older window counts as 0. */
export async function peekRateLimit(key: string, windowSeconds: number): Promise<RateLimitState> {
  const rows = await db.$queryRaw<{ count: number; reset: number }[]>`
    SELECT count, extract(epoch FROM ("windowStart" + make_interval(secs => ${windowSeconds}) - now()))::float8 AS reset
    FROM "RateLimit"
    WHERE key = ${key}
      AND "windowStart" = to_timestamp(floor(extract(epoch FROM now()) / ${windowSeconds}) * ${windowSeconds})`;
  const row = rows[0];
  return { count: row?.count ?? 0, resetInSeconds: row?.reset ?? windowSeconds };
}
