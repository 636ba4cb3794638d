import { z } from 'zod';
import { backupSourceSchema, criticalities, engines, kubernetesRefsSchema } from '../target';
import { failingCountsSchema, gradeCapSchema, gradeLetter, isoDateTime } from './common-schemas';

/** A database as the API shows it: inventory fields and its latest grade. No secret is ever part of it. */
export const databaseSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    engine: z.enum(engines),
    host: z.string(),
    port: z.int(),
    database: z.string().nullable(),
    environment: z.string(),
    ownerTeam: z.string().nullable(),
    ownerEmail: z.string().nullable(),
    service: z.string().nullable(),
    tags: z.array(z.string()),
    criticality: z.enum(criticalities),
    kubernetes: kubernetesRefsSchema.nullable(),
    backup: backupSourceSchema.nullable(),
    credential: z
      .object({
        username: z.string(),
        source: z.enum(['manual', 'env', 'k8s-secret']),
        reference: z.string().nullable(),
        hasStoredSecret: z.boolean(),
        rotatedAt: isoDateTime.nullable(),
      })
      .nullable()
      .meta({ description: 'who the probe logs in as; the password itself is write-only' }),
    caPem: z.string().nullable(),
    tlsServerName: z.string().nullable().meta({ description: 'the name the certificate must be issued for; the host when null' }),
    tlsPinSha256: z
      .string()
      .nullable()
      .meta({ description: "an admin-pinned server key (base64 SHA-256 of the leaf's SubjectPublicKeyInfo) the probe login also trusts" }),
    allowPlaintextLogin: z.boolean(),
    passwordMaxAgeDays: z.int().nullable(),
    backupMaxAgeHours: z.int().nullable(),
    score: z.number().nullable(),
    grade: gradeLetter.nullable(),
    scoreGrade: gradeLetter.nullable().meta({ description: 'the grade the score alone gives; `grade` is lower when `caps` apply' }),
    caps: z.array(gradeCapSchema).meta({ description: 'the grading policy rules that limit the grade, most restrictive first' }),
    scoreWithExceptions: z.number().nullable(),
    gradeWithExceptions: gradeLetter.nullable(),
    scoreGradeWithExceptions: gradeLetter.nullable(),
    capsWithExceptions: z.array(gradeCapSchema).meta({ description: 'the same with accepted exceptions left out: an exception lifts its check’s cap only here' }),
    failing: failingCountsSchema,
    lastScanAt: isoDateTime.nullable(),
    archivedAt: isoDateTime.nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Database' });

export const databasePageSchema = z
  .object({
    items: z.array(databaseSchema),
    nextCursor: z.string().nullable().meta({ description: 'pass as ?cursor= for the next page; null on the last page' }),
  })
  .meta({ id: 'DatabasePage' });
