import 'server-only';
import { z } from 'zod';
import { db } from '../../db';
import { checkCatalog } from '../../checks/check-catalog';
import { regradeTarget } from '../../scan/regrade-target';
import { createExceptionSchema, createExceptionsBodySchema, type CreateExceptionsInput } from '../../validations/exception';
import { authorize, type ServiceContext } from '../service-context';
import { toExceptionView, type ExceptionView } from './exception-view';
import { insertException } from './insert-exception';

const catalogIds = new Set(checkCatalog.map((c) => c.id));

/**
 * Accepts the risk of several findings with one justification and one end date, all or none: a finding already
 * accepted, or a database that is gone, refuses the whole request and names the item. Each target regrades once.
 */
export async function createExceptions(ctx: ServiceContext, input: CreateExceptionsInput): Promise<{ items: ExceptionView[] }> {
  authorize(ctx, 'exceptions:write');
  const now = new Date();
  const one = createExceptionSchema(now, catalogIds);
  const data = createExceptionsBodySchema
    .extend({ items: createExceptionsBodySchema.shape.items.pipe(z.array(one.pick({ targetId: true, checkId: true }))), expiresAt: one.shape.expiresAt })
    .superRefine((v, c) => {
      const seen = new Set<string>();
      v.items.forEach((item, i) => {
        const key = `${item.targetId}/${item.checkId}`;
        if (seen.has(key)) c.addIssue({ code: 'custom', path: ['items', i], message: 'This finding is listed twice' });
        seen.add(key);
      });
    })
    .parse(input);
  return db.$transaction(async (tx) => {
    const rows = [];
    for (const [i, item] of data.items.entries()) {
      rows.push(await insertException(tx, ctx, { ...item, reason: data.reason, expiresAt: data.expiresAt }, now, `items.${i}`));
    }
    for (const targetId of new Set(data.items.map((x) => x.targetId))) await regradeTarget(tx, targetId, now);
    return { items: rows.map((r) => toExceptionView(r, now)) };
  }, { timeout: 30_000 });
}
