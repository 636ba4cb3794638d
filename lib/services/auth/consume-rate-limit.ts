import 'server-only';
import { db } from '../../db';
import { AppError } from '../../errors/app-error';

export interface RateLimitState {
  count: number;
  /** seconds until the current window closes */
  resetInSeconds: number;
}

/**
 * Counts one hit against `key` in a fixed window held in the store, so every replica enforces one limit.
 * One row per key, reset in place when a new window starts: storage follows the number of callers, not requests.
 * The window is cut on the database clock, so replicas with skewed clocks still agree.
 */
export async function countRateLimitHit(key: string, windowSeconds: number): Promise<RateLimitState> {
  const rows = await db.$queryRaw<{ count: number; reset: number }[]>`
    INSERT INTO "RateLimit" (key, "windowStart", count)
    VALUES (${key}, to_timestamp(floor(extract(epoch FROM now()) / ${windowSeconds}) * ${windowSeconds}), 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimit"."windowStart" = EXCLUDED."windowStart" THEN "RateLimit".count + 1 ELSE 1 END,
      "windowStart" = EXCLUDED."windowStart"
    RETURNING count, extract(epoch FROM ("windowStart" + make_interval(secs => ${windowSeconds}) - now()))::float8 AS reset`;
  const row = rows[0];
  return { count: row?.count ?? 1, resetInSeconds: row?.reset ?? windowSeconds };
}

/** Throws rate_limited (429 with Retry-After) once `key` has used up `limit` hits in the current window. */
export async function consumeRateLimit(key: string, limit: number, windowSeconds = 60): Promise<void> {
  const state = await countRateLimitHit(key, windowSeconds);
  if (state.count > limit) {
    throw new AppError('rate_limited', `Too many requests: the limit is ${limit} per ${windowSeconds} s; retry later`, undefined, state.resetInSeconds);
  }
}
