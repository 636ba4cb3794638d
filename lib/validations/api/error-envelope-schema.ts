import { z } from 'zod';

/** The one error shape every /api/v1 response uses. */
export const errorEnvelopeSchema = z
  .object({
    error: z.object({
      code: z.enum(['bad_request', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'rate_limited', 'internal']),
      message: z.string(),
      details: z
        .array(
          z.object({
            path: z.string().meta({ description: 'the field, dot-separated (e.g. credential.username)' }),
            message: z.string(),
            line: z.int().optional(),
            document: z.int().optional(),
          }),
        )
        .optional(),
    }),
  })
  .meta({ id: 'Error' });
