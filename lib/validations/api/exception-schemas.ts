import { z } from 'zod';
import { isoDateTime } from './common-schemas';

const exceptionState = z.enum(['active', 'expired', 'revoked']);

/** An accepted risk: one check on one database (or on every database) is left out of the with-exceptions grade until a date. */
export const exceptionSchema = z
  .object({
    id: z.uuid(),
    targetId: z.uuid().nullable().meta({ description: 'null: the exception covers this check on every database' }),
    targetName: z.string().nullable(),
    checkId: z.string(),
    checkTitle: z.string(),
    reason: z.string(),
    createdBy: z.string().nullable().meta({ description: 'the email of whoever accepted the risk; null when that user is gone or a system did it' }),
    createdAt: isoDateTime,
    expiresAt: isoDateTime,
    revokedAt: isoDateTime.nullable(),
    state: exceptionState,
  })
  .meta({ id: 'Exception' });

export const exceptionPageSchema = z
  .object({
    items: z.array(exceptionSchema),
    total: z.int().min(0),
    page: z.int().min(1),
    pageSize: z.int().min(1),
    state: z.enum(['active', 'expired', 'revoked', 'all']),
    counts: z
      .object({ active: z.int().min(0), expired: z.int().min(0), revoked: z.int().min(0) })
      .meta({ description: 'per state, under the same database, check and name filters' }),
  })
  .meta({ id: 'ExceptionPage' });
