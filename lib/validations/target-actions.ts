import { z } from 'zod';

export const archiveTargetSchema = z.object({ archived: z.boolean() }).strict();

export const recordRotationSchema = z
  .object({
    rotatedAt: z.coerce
      .date('must be a date')
      .refine((d) => d.getTime() <= Date.now() + 60_000, 'cannot be in the future')
      .optional()
      .meta({ description: 'when the password was changed (ISO-8601); now when left out' }),
  })
  .strict();

export type RecordRotationInput = z.input<typeof recordRotationSchema>;

export const targetHistoryQuerySchema = z
  .object({ days: z.coerce.number().int('must be a whole number').min(1, 'must be 1–365').max(365, 'must be 1–365').default(90) })
  .strict();

export const inventoryExportQuerySchema = z.object({ includeArchived: z.enum(['true', 'false']).default('false') }).strict();
export const inventoryImportQuerySchema = z.object({ allowLiteralPasswords: z.enum(['true', 'false']).default('false') }).strict();
