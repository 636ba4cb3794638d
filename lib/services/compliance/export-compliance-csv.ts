import 'server-only';
import type { ServiceContext } from '../service-context';
import { getComplianceReport } from './get-compliance-report';
import { toCsv } from './to-csv';

export const complianceCsvHeader = ['framework', 'control', 'name', 'check_id', 'passing', 'failing', 'status'] as const;

/** The compliance report flattened to one row per (control, check); a control no check evidences gets one empty row. */
export async function exportComplianceCsv(ctx: ServiceContext, now = new Date()): Promise<string> {
  const report = await getComplianceReport(ctx, now);
  const rows: (string | number | null)[][] = [[...complianceCsvHeader]];
  for (const f of report.frameworks) {
    for (const c of f.controls) {
      if (c.checks.length === 0) rows.push([f.framework, c.control, c.name, null, null, null, c.status]);
      for (const check of c.checks) rows.push([f.framework, c.control, c.name, check.id, check.passing, check.failing, check.status]);
    }
  }
  return toCsv(rows);
}
