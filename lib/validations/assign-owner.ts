import { z } from 'zod';
import { targetFieldsSchema } from './target';

export const ASSIGN_OWNER_MAX = 500;

/** Sets the owner team and/or owner email of several databases at once; an empty value clears it, a left-out one stays. */
export const assignOwnerSchema = z
  .object({
    targetIds: z
      .array(z.uuid('must be a database id'))
      .min(1, 'Select at least one database')
      .max(ASSIGN_OWNER_MAX, `At most ${ASSIGN_OWNER_MAX} databases at once`)
      .transform((ids) => [...new Set(ids)]),
    ownerTeam: targetFieldsSchema.shape.ownerTeam,
    ownerEmail: targetFieldsSchema.shape.ownerEmail,
  })
  .strict()
  .refine((v) => v.ownerTeam !== undefined || v.ownerEmail !== undefined, { message: 'Give an owner team, an owner email or both', path: ['ownerTeam'] });

export type AssignOwnerInput = z.input<typeof assignOwnerSchema>;
