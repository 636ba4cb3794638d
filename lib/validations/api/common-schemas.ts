import { z } from 'zod';
import { grades } from '../../grading/grade-bands';
import { capRules, fleetCapRules, type CapRuleId, type FleetCapRuleId } from '../../grading/grading-policy';

/** Shared building blocks of the API's response schemas; `.meta({ id })` makes each a named OpenAPI component. */
export const isoDateTime = z.iso.datetime({ offset: true }).meta({ description: 'ISO-8601 timestamp (UTC)' });
export const isoDay = z.iso.date().meta({ description: 'YYYY-MM-DD (UTC)' });
export const gradeLetter = z.enum(grades).meta({ id: 'Grade' });
export const severityName = z.enum(['critical', 'high', 'medium', 'low', 'info']).meta({ id: 'Severity' });
export const checkStatusName = z.enum(['pass', 'warn', 'fail', 'error', 'skip']).meta({ id: 'CheckStatus' });
export const failingCountsSchema = z
  .object({ critical: z.int().min(0), high: z.int().min(0), medium: z.int().min(0), low: z.int().min(0) })
  .meta({ id: 'FailingCounts', description: 'checks that need action (fail or warn) by severity as of the last scan' });
export const gradeCapSchema = z
  .object({
    rule: z.enum(capRules.map((r) => r.id) as [CapRuleId, ...CapRuleId[]]),
    maxGrade: gradeLetter,
    checkIds: z.array(z.string()),
  })
  .meta({ id: 'GradeCap', description: 'a rule of the grading policy (/grading) that holds the grade below the grade of its score, and the checks that trigger it' });
export const fleetCapSchema = z
  .object({
    rule: z.enum(fleetCapRules.map((r) => r.id) as [FleetCapRuleId, ...FleetCapRuleId[]]),
    maxGrade: gradeLetter,
    databases: z.int().min(1).meta({ description: 'how many databases trigger it' }),
  })
  .meta({ id: 'FleetCap', description: 'a fleet rule of the grading policy that holds the fleet grade below the grade of its weighted mean' });
export const complianceRefSchema = z.object({ framework: z.string(), control: z.string() }).meta({ id: 'ComplianceRef' });
export const jsonObject = z.record(z.string(), z.unknown());
export const uuidParam = z.object({ id: z.string().meta({ description: 'the object id (UUID)' }) });
