import { z } from 'zod';
import { apiScopes } from '../../access/api-scopes';
import { isoDateTime } from './common-schemas';

const durationPattern = /^(\d{1,4})([hdwy])$/;
const unitMs = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000, y: 365 * 86_400_000 } as const;

/** "90d", "12h", "4w", "1y" → milliseconds; at most 2 years, so no token quietly lives forever by typo. */
export const expiresInSchema = z
  .string()
  .trim()
  .regex(durationPattern, 'must be a duration like 12h, 90d, 4w or 1y')
  .transform((v) => {
    const [, n, u] = durationPattern.exec(v) as RegExpExecArray;
    return Number(n) * unitMs[u as keyof typeof unitMs];
  })
  .refine((ms) => ms >= 3_600_000 && ms <= 2 * 365 * 86_400_000, 'must be between 1 hour and 2 years');

export const createApiTokenSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(80).regex(/^[\w .:@/-]+$/, 'may use letters, digits, spaces and . _ : @ / -'),
    scopes: z.array(z.enum(apiScopes)).min(1, 'choose at least one scope').max(3).transform((s) => [...new Set(s)]),
    expiresIn: expiresInSchema.nullable().optional(),
  })
  .strict();

export const apiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().meta({ description: 'the first characters of the token, to recognise it; never enough to use it' }),
    scopes: z.array(z.enum(apiScopes)),
    createdBy: z.string().nullable(),
    createdAt: isoDateTime,
    expiresAt: isoDateTime.nullable(),
    lastUsedAt: isoDateTime.nullable(),
    revokedAt: isoDateTime.nullable(),
    status: z.enum(['active', 'expired', 'revoked']),
  })
  .meta({ id: 'ApiToken' });

export const createdApiTokenSchema = apiTokenSchema
  .extend({ token: z.string().meta({ description: 'the secret, shown this once; only its SHA-256 is stored' }) })
  .meta({ id: 'CreatedApiToken' });

export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;
export type ApiTokenView = z.output<typeof apiTokenSchema>;
export type CreatedApiToken = z.output<typeof createdApiTokenSchema>;

export const apiTokenListSchema = z.object({ items: z.array(apiTokenSchema) }).meta({ id: 'ApiTokenList' });
