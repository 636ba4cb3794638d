import 'server-only';
import { z } from 'zod';
import { db } from '../../db';
import { AppError } from '../../errors/app-error';
import type { ApiTokenView } from '../../validations/api/api-token-schemas';
import { writeAudit } from '../audit/write-audit';
import { authorize, type ServiceContext } from '../service-context';
import { apiTokenViewSelect, toApiTokenView } from './api-token-view';

const input = z.object({ id: z.uuid().optional(), prefix: z.string().regex(/^pst_[A-Za-z0-9_-]{8}$/).optional() }).refine((v) => v.id || v.prefix);

/** Revokes a token by id or by its displayed prefix; the next request that carries it gets a 401. Idempotent. */
export async function revokeApiToken(ctx: ServiceContext, raw: { id?: string; prefix?: string }): Promise<ApiTokenView> {
  authorize(ctx, 'tokens:manage');
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw new AppError('not_found', 'API token not found');
  const where = parsed.data.id ? { id: parsed.data.id } : { prefix: parsed.data.prefix as string };
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.findUnique({ where, select: { id: true, revokedAt: true } });
    if (!row) throw new AppError('not_found', 'API token not found');
    if (row.revokedAt) return toApiTokenView(await tx.apiToken.findUniqueOrThrow({ where: { id: row.id }, select: apiTokenViewSelect }));
    const updated = await tx.apiToken.update({ where: { id: row.id }, data: { revokedAt: new Date() }, select: apiTokenViewSelect });
    await writeAudit(tx, ctx, { action: 'token.revoke', entity: 'api_token', entityId: row.id, diff: { name: updated.name, prefix: updated.prefix } });
    return toApiTokenView(updated);
  });
}
