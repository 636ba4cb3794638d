import { z } from 'zod';

export const outboxStatuses = ['pending', 'sent', 'dead', 'all'] as const;

export const listOutboxQuerySchema = z.object({
  status: z.enum(outboxStatuses).default('all'),
  kind: z.string().trim().max(40).regex(/^[a-z0-9._-]+$/, 'Unknown kind').optional(),
  targetId: z.uuid().optional(),
  /** subject contains, or a recipient's whole address */
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

export type ListOutboxQuery = z.input<typeof listOutboxQuerySchema>;

export const sendTestEmailSchema = z
  .object({
    to: z.string().trim().toLowerCase().max(254).pipe(z.email('Enter a valid email address')),
  })
  .strict();

export type SendTestEmailInput = z.input<typeof sendTestEmailSchema>;
