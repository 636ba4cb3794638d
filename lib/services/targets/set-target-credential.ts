import 'server-only';
import { db } from '../../db';
import { AppError } from '../../errors/app-error';
import { credentialInputSchema, type CredentialInput } from '../../validations/target';
import { authorize, type ServiceContext } from '../service-context';
import { custodyPolicySetting } from '../../settings/custody-policy-setting';
import { assertCredentialAllowed } from './assert-credential-allowed';
import { parseTargetId } from './parse-target-id';
import { toTargetView, targetViewSelect, type TargetView } from './target-view';
import { writeTargetCredential } from './write-target-credential';

/** Replaces the target's credential, sealed to its current endpoint; the old ciphertext is overwritten, never returned. */
export async function setTargetCredential(ctx: ServiceContext, id: string, input: CredentialInput): Promise<TargetView> {
  authorize(ctx, 'credentials:write');
  const targetId = parseTargetId(id);
  const cred = credentialInputSchema.parse(input);
  const policy = await custodyPolicySetting.load();
  return db.$transaction(async (tx) => {
    const row = await tx.target.findUnique({ where: { id: targetId }, select: targetViewSelect });
    if (!row) throw new AppError('not_found', 'Database not found');
    const target = toTargetView(row);
    assertCredentialAllowed(cred, policy, target.kubernetes?.namespace);
    const endpoint = { engine: target.engine, host: target.host, port: target.port, tlsServerName: target.tlsServerName, caPem: target.caPem };
    await writeTargetCredential(tx, ctx, { targetId, before: endpoint, after: endpoint, input: cred, action: 'credential.replace' });
    return toTargetView(await tx.target.findUniqueOrThrow({ where: { id: targetId }, select: targetViewSelect }));
  });
}
