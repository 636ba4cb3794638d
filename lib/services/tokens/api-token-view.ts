import 'server-only';
import type { Prisma } from '../../generated/prisma/client';
import { apiScopes, type ApiScope } from '../../access/api-scopes';
import type { ApiTokenView } from '../../validations/api/api-token-schemas';

export const apiTokenViewSelect = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdBy: { select: { email: true } },
} satisfies Prisma.ApiTokenSelect;

type Row = Prisma.ApiTokenGetPayload<{ select: typeof apiTokenViewSelect }>;

/** What anyone may see of a token: never its hash, never its secret. */
export function toApiTokenView(r: Row, now = new Date()): ApiTokenView {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    scopes: r.scopes.filter((s): s is ApiScope => (apiScopes as readonly string[]).includes(s)),
    createdBy: r.createdBy?.email ?? null,
    createdAt: r.createdAt.toISOString(),
    expiresAt: iso(r.expiresAt),
    lastUsedAt: iso(r.lastUsedAt),
    revokedAt: iso(r.revokedAt),
    status: r.revokedAt ? 'revoked' : r.expiresAt && r.expiresAt <= now ? 'expired' : 'active',
  };
}
