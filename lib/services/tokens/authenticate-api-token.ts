import { db } from '../../db';
import { AppError } from '../../errors/app-error';
import { apiScopes, type ApiScope } from '../../auth/api-scopes';
import { apiTokenPattern, hashApiToken } from '../../auth/api-token-secret';
import type { ServiceContext } from '../service-context';

const lastUsedResolutionMs = 60_000;

/**
 * The context for a bearer token, or 401. Looked up by its SHA-256 on every request, so a revocation or an
 * expiry takes effect on the very next call. lastUsedAt is written at most once a minute per token.
 */
export async function authenticateApiToken(token: string, now = new Date()): Promise<ServiceContext> {
  if (!apiTokenPattern.test(token)) throw new AppError('unauthorized', 'Invalid API token');
  const row = await db.apiToken.findUnique({
    where: { secretHash: hashApiToken(token) },
    select: { id: true, name: true, prefix: true, scopes: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row) throw new AppError('unauthorized', 'Invalid API token');
  if (row.revokedAt) throw new AppError('unauthorized', 'This API token has been revoked');
  if (row.expiresAt && row.expiresAt <= now) throw new AppError('unauthorized', 'This API token has expired');
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= lastUsedResolutionMs) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now }, select: { id: true } });
  }
  const scopes = row.scopes.filter((s): s is ApiScope => (apiScopes as readonly string[]).includes(s));
  return { actor: { kind: 'token', id: row.id, name: row.name, prefix: row.prefix, scopes } };
}
