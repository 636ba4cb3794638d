import { z } from 'zod';
import { checkStatusName, complianceRefSchema, gradeLetter, isoDateTime, jsonObject, severityName } from './common-schemas';

/** The latest result of one check on one database, with the catalog's explanation and remediation. */
export const databaseCheckSchema = z
  .object({
    id: z.string().meta({ description: 'check id, e.g. cert.expiry' }),
    title: z.string(),
    area: z.string(),
    severity: severityName,
    status: checkStatusName,
    summary: z.string(),
    evidence: jsonObject,
    remediation: z.string(),
    why: z.string(),
    compliance: z.array(complianceRefSchema),
    firstSeenAt: isoDateTime,
    changedAt: isoDateTime,
    lastSeenAt: isoDateTime,
    exception: z.object({ id: z.uuid(), expiresAt: isoDateTime, reason: z.string() }).nullable(),
  })
  .meta({ id: 'DatabaseCheck' });

export const databaseCheckListSchema = z.object({ items: z.array(databaseCheckSchema) }).meta({ id: 'DatabaseCheckList' });

export const whatIfPlanSchema = z
  .object({
    score: z.number().nullable(),
    grade: gradeLetter.nullable(),
    scoreWithExceptions: z.number().nullable(),
    gradeWithExceptions: gradeLetter.nullable(),
    acceptedExceptions: z.int().min(0),
    goal: gradeLetter,
    stepsToGoal: z.int().min(0),
    ran: z.int().min(0).meta({ description: 'checks whose result is known (pass, warn, fail): the plan is over these' }),
    errored: z.int().min(0).meta({ description: 'checks Posture could not tell; they keep their caps, so the plan never promises more than it knows' }),
    skipped: z.int().min(0),
    steps: z.array(
      z.object({
        checkId: z.string(),
        title: z.string(),
        severity: severityName,
        status: z.enum(['fail', 'warn']),
        gain: z.number(),
        scoreAfter: z.number(),
        gradeAfter: gradeLetter,
      }),
    ),
  })
  .meta({ id: 'WhatIfPlan', description: 'which known problems to fix first, each next the one that lifts the grade most (caps included), and the grade after each' });
