import { z } from 'zod';
import { isoDateTime, severityName } from './common-schemas';

export const findingSchema = z
  .object({
    targetId: z.uuid(),
    targetName: z.string(),
    engine: z.string(),
    host: z.string(),
    port: z.int(),
    database: z.string().nullable(),
    grade: z.string().nullable().meta({ description: "the database's grade as of its last scan" }),
    environment: z.string(),
    ownerTeam: z.string().nullable(),
    ownerEmail: z.string().nullable().meta({ description: "the database's owner email, else its owner team's address from the alert settings" }),
    ownerEmailSource: z.enum(['owner', 'team']).nullable().meta({ description: 'where ownerEmail came from; null when the database has neither' }),
    checkId: z.string(),
    checkTitle: z.string(),
    severity: severityName,
    status: z.enum(['pass', 'fail', 'warn', 'error']).meta({ description: 'pass only in the certificate window (expiresWithinDays)' }),
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
      checkGroups: z
        .array(z.object({ label: z.string(), checks: z.array(z.object({ id: z.string(), title: z.string() })) }))
        .meta({ description: "the checks of the fleet's engines: each engine's own, then each shared concern once" }),
      teams: z.array(z.string()),
      environments: z.array(z.string()),
    }),
  })
  .meta({ id: 'FindingPage' });
