import 'server-only';
import { db } from '../../db';
import { checkCatalog } from '../../checks/check-catalog';
import { regradeTarget } from '../../scan/regrade-target';
import { createExceptionSchema, type CreateExceptionInput } from '../../validations/exception';
import { authorize, type ServiceContext } from '../service-context';
import { toExceptionView, type ExceptionView } from './exception-view';
import { insertException } from './insert-exception';

const catalogIds = new Set(checkCatalog.map((c) => c.id));

/** Accepts the risk of one check on one database until a date; the target's with-exceptions grade changes in the same transaction. */
export async function createException(ctx: ServiceContext, input: CreateExceptionInput): Promise<ExceptionView> {
  authorize(ctx, 'exceptions:write');
  const now = new Date();
  const data = createExceptionSchema(now, catalogIds).parse(input);
  return db.$transaction(async (tx) => {
    const row = await insertException(tx, ctx, data, now);
    await regradeTarget(tx, data.targetId, now);
    return toExceptionView(row, now);
  });
}
