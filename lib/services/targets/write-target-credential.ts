import 'server-only';
import type { z } from 'zod';
import type { Tx } from '../../db';
import { envKeyring } from '../../crypto/keyring';
import { changedEndpointFields, type CredentialEndpoint, type EndpointField } from '../../crypto/credential-binding';
import type { credentialInputSchema } from '../../validations/target';
import { writeAudit } from '../audit/write-audit';
import type { ServiceContext } from '../service-context';
import { credentialColumns, describeCredential, suppliesSecret } from './credential-columns';

export interface CredentialChange {
  targetId: string;
  /** the endpoint as stored before this request; null when the target is being created */
  before: CredentialEndpoint | null;
  after: CredentialEndpoint;
  /** the credential this same request supplies, if any (already checked against the custody policy) */
  input?: z.infer<typeof credentialInputSchema>;
  /** the audit action for a supplied credential, e.g. 'credential.replace' */
  action: string;
}

/**
 * Applies a request's credential change inside its transaction. A credential is bound to its endpoint: when the
 * engine, host, port, TLS server name or CA bundle changes, the stored secret or reference is dropped unless the
 * same request supplies a new one, so moving a target never hands its password to the new address. Audited.
 */
export async function writeTargetCredential(tx: Tx, ctx: ServiceContext, change: CredentialChange): Promise<{ unbound: EndpointField[] }> {
  const { targetId, input } = change;
  const target = await tx.target.findUniqueOrThrow({
    where: { id: targetId },
    select: { credentialId: true, credential: { select: { ciphertext: true, reference: true } } },
  });
  const moved = change.before ? changedEndpointFields(change.before, change.after) : [];
  const holdsSecret = Boolean(target.credential?.ciphertext || target.credential?.reference);
  let unbound: EndpointField[] = [];
  if (moved.length > 0 && holdsSecret && !(input && suppliesSecret(input))) {
    unbound = moved;
    const cleared = { ciphertext: null, keyId: null, reference: null, source: 'manual' as const, rotatedAt: null };
    if (input) await tx.credential.update({ where: { id: target.credentialId! }, data: { ...cleared, username: input.username } });
    else await tx.credential.delete({ where: { id: target.credentialId! } });
    await writeAudit(tx, ctx, { action: 'credential.unbind', entity: 'target', entityId: targetId, diff: { reason: 'endpoint changed', fields: moved } });
    if (input) await writeAudit(tx, ctx, { action: change.action, entity: 'target', entityId: targetId, diff: describeCredential(input) });
    return { unbound };
  }
  if (!input) return { unbound };
  const columns = credentialColumns(input, { targetId, endpoint: change.after }, envKeyring);
  if (target.credentialId) await tx.credential.update({ where: { id: target.credentialId }, data: columns });
  else {
    const created = await tx.credential.create({ data: columns, select: { id: true } });
    await tx.target.update({ where: { id: targetId }, data: { credentialId: created.id } });
  }
  await writeAudit(tx, ctx, { action: change.action, entity: 'target', entityId: targetId, diff: describeCredential(input) });
  return { unbound };
}
