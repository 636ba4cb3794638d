import 'server-only';
import { db } from '../../db';
import { checkCatalog } from '../../checks/check-catalog';
import type { CheckArea, CheckStatus, ComplianceRef, Severity } from '../../checks/check-definition';
import { controlName } from '../../checks/compliance-controls';
import { howObserved } from '../../checks/how-observed';
import { AppError } from '../../errors/app-error';
import { checksFor, engineRegistry } from '../../engines/engine-registry';
import { authorize, type ServiceContext } from '../service-context';

export interface CheckDocView {
  id: string;
  title: string;
  area: CheckArea;
  severity: Severity;
  howObserved: string;
  why: string;
  remediation: string;
  appliesTo: string[];
  compliance: (ComplianceRef & { name: string })[];
  /** latest status of this check across active (not archived) databases */
  counts: Record<CheckStatus, number>;
  /** up to 20 active databases where it fails, worst first by criticality, then by name */
  failing: { id: string; name: string; environment: string; criticality: string; summary: string; since: string }[];
}

const FAILING_LIMIT = 20;

/** One check's documentation page: the catalog entry plus where it stands in the fleet now. */
export async function getCheckDoc(ctx: ServiceContext, checkId: string): Promise<CheckDocView> {
  authorize(ctx, 'inventory:read');
  const def = checkCatalog.find((c) => c.id === checkId);
  if (!def) throw new AppError('not_found', 'Check not found');
  const active = { checkId: def.id, target: { archivedAt: null } };
  const [grouped, failing] = await Promise.all([
    db.checkState.groupBy({ by: ['status'], where: active, _count: { _all: true } }),
    // The enum is declared low → critical, so descending puts critical databases first.
    db.checkState.findMany({
      where: { ...active, status: 'fail' },
      orderBy: [{ target: { criticality: 'desc' } }, { target: { name: 'asc' } }],
      take: FAILING_LIMIT,
      select: { evidence: true, changedAt: true, target: { select: { id: true, name: true, environment: true, criticality: true } } },
    }),
  ]);
  const counts: Record<CheckStatus, number> = { pass: 0, warn: 0, fail: 0, error: 0, skip: 0 };
  for (const g of grouped) counts[g.status] = g._count._all;
  return {
    id: def.id,
    title: def.title,
    area: def.area,
    severity: def.severity,
    howObserved: howObserved[def.id] ?? '',
    why: def.why,
    remediation: def.remediation,
    appliesTo: engineRegistry.filter((e) => checksFor(e.id).includes(def)).map((e) => e.id),
    compliance: def.compliance.map((r) => ({ ...r, name: controlName(r) })),
    counts,
    failing: failing.map((s) => {
      const summary = (s.evidence as { summary?: unknown } | null)?.summary;
      return { ...s.target, summary: typeof summary === 'string' ? summary : '', since: s.changedAt.toISOString() };
    }),
  };
}
