import { db } from '../../db';
import { AppError } from '../../errors/app-error';
import { envKeyring } from '../../crypto/keyring';
import { credentialInputSchema, type CredentialInput } from '../../validations/target';
import { authorize, type ServiceContext } from '../service-context';
import { writeAudit } from '../audit/write-audit';
import { credentialColumns, describeCredential } from './credential-columns';
import { parseTargetId } from './parse-target-id';
import { toTargetView, targetViewSelect, type TargetView } from './target-view';

/** Replaces the target's credential; the old ciphertext is overwritten, never returned. */
export async function setTargetCredential(ctx: ServiceContext, id: string, input: CredentialInput): Promise<TargetView> {
  authorize(ctx, 'credentials:write');
  const targetId = parseTargetId(id);
  const cred = credentialInputSchema.parse(input);
  return db.$transaction(async (tx) => {
    const target = await tx.target.findUnique({ where: { id: targetId }, select: { credentialId: true } });
    if (!target) throw new AppError('not_found', 'Database not found');
    const columns = credentialColumns(cred, envKeyring);
    if (target.credentialId) {
      await tx.credential.update({ where: { id: target.credentialId }, data: columns });
    } else {
      const created = await tx.credential.create({ data: columns, select: { id: true } });
      await tx.target.update({ where: { id: targetId }, data: { credentialId: created.id } });
    }
    await writeAudit(tx, ctx, { action: 'credential.replace', entity: 'target', entityId: targetId, diff: describeCredential(cred) });
    const row = await tx.target.findUniqueOrThrow({ where: { id: targetId }, select: targetViewSelect });
    return toTargetView(row);
  });
}
