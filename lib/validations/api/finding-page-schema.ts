import { z } from 'zod';
import { isoDateTime, severityName } from './common-schemas';

export const findingSchema = z
  .object({
    targetId: z.uuid(),
    targetName: z.string(),
    environment: z.string(),
    ownerTeam: z.string().nullable(),
    ownerEmail: z.string().nullable(),
    checkId: z.string(),
    checkTitle: z.string(),
    severity: severityName,
    status: z.enum(['fail', 'warn', 'error']),
    summary: z.string(),
    firstSeenAt: isoDateTime,
    changedAt: isoDateTime,
    lastSeenAt: isoDateTime,
    accepted: z.boolean().meta({ description: 'an active exception accepts this finding' }),
    exception: z.object({ id: z.uuid(), expiresAt: isoDateTime }).nullable(),
  })
  .meta({ id: 'Finding' });

export const findingPageSchema = z
  .object({
    items: z.array(findingSchema),
    total: z.int(),
    page: z.int(),
    pageSize: z.int(),
    sort: z.enum(['severity', 'target', 'check', 'since']),
    dir: z.enum(['asc', 'desc']),
    facets: z.object({
      checks: z.array(z.object({ id: z.string(), title: z.string() })),
      teams: z.array(z.string()),
      environments: z.array(z.string()),
    }),
  })
  .meta({ id: 'FindingPage' });
