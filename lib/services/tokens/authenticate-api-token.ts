import 'server-only';
import { db } from '../../db';
import { AppError } from '../../errors/app-error';
import { apiScopes, type ApiScope } from '../../access/api-scopes';
import { apiTokenPattern, hashApiToken } from '../../crypto/api-token-secret';
import type { ServiceContext } from '../service-context';

const lastUsedResolutionMs = 60_000;

interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  hits: number | null;
  reset: number | null;
}

/**
 * The context for a bearer token, or 401; 429 once it passes `ratePerMinute`. Looked up by its SHA-256 on every
 * request, so revocation and expiry take effect on the very next call. The lookup and the token's hit in the
 * store-held rate limiter are one statement (one round-trip); lastUsedAt is written at most once a minute.
 */
export async function authenticateApiToken(token: string, ratePerMinute: number, now = new Date()): Promise<ServiceContext> {
  if (!apiTokenPattern.test(token)) throw new AppError('unauthorized', 'Invalid API token');
  const rows = await db.$queryRaw<TokenRow[]>`
    WITH t AS (
      SELECT id, name, prefix, scopes, "expiresAt", "revokedAt", "lastUsedAt" FROM "ApiToken" WHERE "secretHash" = ${hashApiToken(token)}
    ), hit AS (
      INSERT INTO "RateLimit" (key, "windowStart", count)
      SELECT 'api:token:' || t.id, to_timestamp(floor(extract(epoch FROM now()) / 60) * 60), 1 FROM t
      ON CONFLICT (key) DO UPDATE SET
        count = CASE WHEN "RateLimit"."windowStart" = EXCLUDED."windowStart" THEN "RateLimit".count + 1 ELSE 1 END,
        "windowStart" = EXCLUDED."windowStart"
      RETURNING count, extract(epoch FROM ("windowStart" + interval '60 seconds' - now()))::float8 AS reset
    )
    SELECT t.id::text AS id, t.name, t.prefix, t.scopes, t."expiresAt", t."revokedAt", t."lastUsedAt", hit.count AS hits, hit.reset
    FROM t LEFT JOIN hit ON true`;
  const row = rows[0];
  if (!row) throw new AppError('unauthorized', 'Invalid API token');
  if (row.revokedAt) throw new AppError('unauthorized', 'This API token has been revoked');
  if (row.expiresAt && row.expiresAt <= now) throw new AppError('unauthorized', 'This API token has expired');
  if ((row.hits ?? 0) > ratePerMinute) {
    throw new AppError('rate_limited', `Too many requests: the limit is ${ratePerMinute} per 60 s; retry later`, undefined, row.reset ?? 60);
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= lastUsedResolutionMs) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now }, select: { id: true } });
  }
  const scopes = row.scopes.filter((s): s is ApiScope => (apiScopes as readonly string[]).includes(s));
  return { actor: { kind: 'token', id: row.id, name: row.name, prefix: row.prefix, scopes } };
}
