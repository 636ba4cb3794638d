import { z } from 'zod';
import { frameworks } from '../../checks/compliance-controls';
import { gradeLetter, isoDateTime, severityName } from './common-schemas';

const complianceStatus = z
  .enum(['compliant', 'compliant_with_exceptions', 'non_compliant', 'no_data', 'not_automated'])
  .meta({ id: 'ComplianceStatus', description: 'non_compliant: some active database fails, warns or errors on a mapped check without an accepted exception' });

const count = z.int().min(0);

const controlCheck = z.object({
  id: z.string(),
  title: z.string(),
  severity: severityName,
  passing: count,
  failing: count.meta({ description: 'active databases where it fails, warns or errors, with no accepted exception' }),
  excepted: count.meta({ description: 'active databases where it does not pass but an accepted exception covers it' }),
  notApplicable: count,
  status: complianceStatus,
});

const controlReport = z.object({
  control: z.string(),
  name: z.string(),
  status: complianceStatus,
  failingDatabases: count,
  acceptedExceptions: count,
  checks: z.array(controlCheck),
  note: z.string().optional().meta({ description: 'why a control is not automated' }),
});

/** The compliance view of the fleet: every framework control the check catalog evidences, and the security checklist. */
export const complianceReportSchema = z
  .object({
    generatedAt: isoDateTime,
    fleet: z.object({
      score: z.number().nullable(),
      grade: gradeLetter.nullable(),
      databases: count,
      graded: count,
      atF: count.meta({ description: 'databases whose own grade is F, which the mean score can hide' }),
    }),
    frameworks: z.array(
      z.object({
        framework: z.enum(frameworks as readonly [(typeof frameworks)[number], ...(typeof frameworks)[number][]]),
        controls: z.array(controlReport),
        summary: z.object(Object.fromEntries(complianceStatus.options.map((s) => [s, count])) as Record<z.infer<typeof complianceStatus>, typeof count>),
      }),
    ),
    checklist: z.array(
      z.object({
        item: z.string(),
        note: z.string(),
        checks: z.array(z.object({ id: z.string(), title: z.string() })),
        status: z.enum(['ok', 'failing', 'not_automated', 'no_data']),
        failingDatabases: count,
        acceptedExceptions: count,
      }),
    ),
  })
  .meta({ id: 'ComplianceReport' });
