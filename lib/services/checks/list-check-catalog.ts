import 'server-only';
import { db } from '../../db';
import { checkCatalog } from '../../checks/check-catalog';
import type { CheckArea, ComplianceRef, Severity } from '../../checks/check-definition';
import { frameworks } from '../../checks/compliance-controls';
import { authorize, type ServiceContext } from '../service-context';

export interface CheckCatalogEntry {
  id: string;
  title: string;
  area: CheckArea;
  severity: Severity;
  frameworks: ComplianceRef['framework'][];
  /** active databases where the check's latest status is fail */
  failing: number;
}

/** The whole catalog in display order, with how many active databases fail each check now. */
export async function listCheckCatalog(ctx: ServiceContext): Promise<CheckCatalogEntry[]> {
  authorize(ctx, 'inventory:read');
  const grouped = await db.checkState.groupBy({ by: ['checkId'], where: { status: 'fail', target: { archivedAt: null } }, _count: { _all: true } });
  const failing = new Map(grouped.map((g) => [g.checkId, g._count._all]));
  return checkCatalog.map((c) => ({
    id: c.id,
    title: c.title,
    area: c.area,
    severity: c.severity,
    frameworks: frameworks.filter((f) => c.compliance.some((r) => r.framework === f)),
    failing: failing.get(c.id) ?? 0,
  }));
}
