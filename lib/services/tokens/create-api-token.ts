import 'server-only';
import { db } from '../../db';
import { newApiTokenSecret } from '../../crypto/api-token-secret';
import { createApiTokenSchema, type CreateApiTokenInput, type CreatedApiToken } from '../../validations/api/api-token-schemas';
import { writeAudit } from '../audit/write-audit';
import { authorize, type ServiceContext } from '../service-context';
import { apiTokenViewSelect, toApiTokenView } from './api-token-view';

/** A new API token. The secret is returned this once; the store keeps its SHA-256 and a short display prefix. */
export async function createApiToken(ctx: ServiceContext, input: CreateApiTokenInput, now = new Date()): Promise<CreatedApiToken> {
  authorize(ctx, 'tokens:manage');
  const data = createApiTokenSchema.parse(input);
  const secret = newApiTokenSecret();
  const expiresAt = data.expiresIn ? new Date(now.getTime() + data.expiresIn) : null;
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        name: data.name,
        prefix: secret.prefix,
        secretHash: secret.secretHash,
        scopes: data.scopes,
        expiresAt,
        createdById: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      },
      select: apiTokenViewSelect,
    });
    await writeAudit(tx, ctx, { action: 'token.create', entity: 'api_token', entityId: created.id, diff: { name: data.name, prefix: secret.prefix, scopes: data.scopes, expiresAt } });
    return created;
  });
  return { ...toApiTokenView(row, now), token: secret.token };
}
