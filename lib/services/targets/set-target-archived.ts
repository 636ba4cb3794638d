import 'server-only';
import type { z } from 'zod';
import { db } from '../../db';
import { AppError } from '../../errors/app-error';
import { authorize, type ServiceContext } from '../service-context';
import { writeAudit } from '../audit/write-audit';
import { parseTargetId } from './parse-target-id';
import { archiveTargetSchema } from '../../validations/target-actions';
import { toTargetView, targetViewSelect, type TargetView } from './target-view';

/** Archived targets stay in the inventory with their history but are no longer scanned or graded. */
export async function setTargetArchived(ctx: ServiceContext, id: string, input: z.input<typeof archiveTargetSchema>): Promise<TargetView> {
  authorize(ctx, 'inventory:write');
  const targetId = parseTargetId(id);
  const { archived } = archiveTargetSchema.parse(input);
  return db.$transaction(async (tx) => {
    const found = await tx.target.findUnique({ where: { id: targetId }, select: { id: true } });
    if (!found) throw new AppError('not_found', 'Database not found');
    const row = await tx.target.update({
      where: { id: targetId },
      data: { archivedAt: archived ? new Date() : null },
      select: targetViewSelect,
    });
    await writeAudit(tx, ctx, { action: archived ? 'target.archive' : 'target.unarchive', entity: 'target', entityId: targetId });
    return toTargetView(row);
  });
}
