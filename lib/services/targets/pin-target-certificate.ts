import 'server-only';
import { db } from '../../db';
import { AppError } from '../../errors/app-error';
import { z } from 'zod';
import { spkiPinSchema } from '../../validations/tls-pin';
import { authorize, type ServiceContext } from '../service-context';
import { writeAudit } from '../audit/write-audit';
import { parseTargetId } from './parse-target-id';
import { toTargetView, targetViewSelect, type TargetView } from './target-view';

const pinChangeSchema = z.object({ spkiSha256: spkiPinSchema.nullable() }).strict();

/**
 * Trusts one server key for a target's probe login, whatever its chain says (an admin's decision, e.g. for a
 * self-signed certificate); `spkiSha256: null` removes the pin. Moving the target drops the pin. Audited.
 */
export async function pinTargetCertificate(ctx: ServiceContext, id: string, input: z.input<typeof pinChangeSchema>): Promise<TargetView> {
  authorize(ctx, 'security:override');
  const targetId = parseTargetId(id);
  const pin = pinChangeSchema.parse(input).spkiSha256;
  return db.$transaction(async (tx) => {
    const before = await tx.target.findUnique({ where: { id: targetId }, select: { tlsPinSha256: true } });
    if (!before) throw new AppError('not_found', 'Database not found');
    const row = await tx.target.update({ where: { id: targetId }, data: { tlsPinSha256: pin }, select: targetViewSelect });
    if (before.tlsPinSha256 !== pin) {
      await writeAudit(tx, ctx, { action: pin ? 'target.certificate.pin' : 'target.certificate.unpin', entity: 'target', entityId: targetId, diff: { spkiSha256: [before.tlsPinSha256, pin] } });
    }
    return toTargetView(row);
  });
}
