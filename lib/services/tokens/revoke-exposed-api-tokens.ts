import 'server-only';
import { db } from '../../db';
import { hashApiToken } from '../../crypto/api-token-secret';
import { writeAudit } from '../audit/write-audit';
import { systemContext } from '../service-context';

const exactToken = /pst_[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g;

/**
 * A live token seen in a URL is already in some proxy's access log, so it is revoked, not only refused (as secret
 * scanners do with leaked keys). Whoever could revoke it this way could use it anyway. Returns how many were live.
 */
export async function revokeExposedApiTokens(urlParts: readonly string[]): Promise<number> {
  const hashes = [...new Set(urlParts.flatMap((part) => [...part.matchAll(exactToken)].map((m) => hashApiToken(m[0]))))];
  if (hashes.length === 0) return 0;
  const ctx = systemContext('token-exposure');
  return db.$transaction(async (tx) => {
    const live = await tx.apiToken.findMany({ where: { secretHash: { in: hashes }, revokedAt: null }, select: { id: true, name: true, prefix: true } });
    for (const t of live) {
      await tx.apiToken.update({ where: { id: t.id }, data: { revokedAt: new Date() } });
      await writeAudit(tx, ctx, { action: 'token.revoke', entity: 'api_token', entityId: t.id, diff: { name: t.name, prefix: t.prefix, reason: 'sent in a URL' } });
    }
    return live.length;
  });
}
