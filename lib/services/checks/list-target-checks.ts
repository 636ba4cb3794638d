import { db } from '../../db';
import { checkCatalog } from '../../checks/check-catalog';
import type { CheckArea, CheckStatus, ComplianceRef, JsonValue, Severity } from '../../checks/check-definition';
import { authorize, type ServiceContext } from '../service-context';
import { parseTargetId } from '../targets/parse-target-id';
import { AppError } from '../../errors/app-error';

export interface TargetCheckView {
  id: string;
  title: string;
  area: CheckArea | 'other';
  severity: Severity;
  status: CheckStatus;
  summary: string;
  evidence: Record<string, JsonValue>;
  remediation: string;
  why: string;
  compliance: ComplianceRef[];
  firstSeenAt: string;
  changedAt: string;
  lastSeenAt: string;
}

const catalog = new Map(checkCatalog.map((c) => [c.id, c]));

/** The latest result of every check for one target, joined with the catalog's text. */
export async function listTargetChecks(ctx: ServiceContext, targetId: string): Promise<TargetCheckView[]> {
  authorize(ctx, 'inventory:read');
  const id = parseTargetId(targetId);
  const exists = await db.target.findUnique({ where: { id }, select: { id: true } });
  if (!exists) throw new AppError('not_found', 'Database not found');
  const rows = await db.checkState.findMany({ where: { targetId: id } });
  const order = new Map(checkCatalog.map((c, i) => [c.id, i]));
  return rows
    .sort((a, b) => (order.get(a.checkId) ?? 999) - (order.get(b.checkId) ?? 999))
    .map((r) => {
      const def = catalog.get(r.checkId);
      const evidence = (r.evidence ?? {}) as Record<string, JsonValue>;
      return {
        id: r.checkId,
        title: def?.title ?? r.checkId,
        area: def?.area ?? 'other',
        severity: r.severity,
        status: r.status,
        summary: typeof evidence.summary === 'string' ? evidence.summary : '',
        evidence,
        remediation: def?.remediation ?? '',
        why: def?.why ?? '',
        compliance: def?.compliance ?? [],
        firstSeenAt: r.firstSeenAt.toISOString(),
        changedAt: r.changedAt.toISOString(),
        lastSeenAt: r.lastSeenAt.toISOString(),
      };
    });
}
