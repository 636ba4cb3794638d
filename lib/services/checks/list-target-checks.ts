import 'server-only';
import { db } from '../../db';
import { checkCatalog } from '../../checks/check-catalog';
import type { CheckArea, CheckStatus, ComplianceRef, JsonValue, Severity } from '../../checks/check-definition';
import { authorize, type ServiceContext } from '../service-context';
import { parseTargetId } from '../targets/parse-target-id';
import { AppError } from '../../errors/app-error';
import { renderRemediation, type RemediationFacts } from '../../checks/render-remediation';

const stringField = (json: unknown, key: string): string | null => {
  const v = json && typeof json === 'object' ? (json as Record<string, unknown>)[key] : null;
  return typeof v === 'string' ? v : null;
};

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
  /** the active exception accepting this check's risk (this target's, or a fleet-wide one), if any */
  exception: { id: string; expiresAt: string; reason: string } | null;
}

const catalog = new Map(checkCatalog.map((c) => [c.id, c]));

/** The latest result of every check for one target, joined with the catalog's text. */
export async function listTargetChecks(ctx: ServiceContext, targetId: string): Promise<TargetCheckView[]> {
  authorize(ctx, 'inventory:read');
  const id = parseTargetId(targetId);
  const target = await db.target.findUnique({
    where: { id },
    select: { engine: true, host: true, port: true, database: true, k8s: true, backupConfig: true, credential: { select: { username: true } } },
  });
  if (!target) throw new AppError('not_found', 'Database not found');
  const facts: RemediationFacts = {
    engine: target.engine,
    host: target.host,
    port: target.port,
    database: target.database,
    user: target.credential?.username ?? null,
    namespace: stringField(target.k8s, 'namespace'),
    stanza: stringField(target.backupConfig, 'stanza'),
  };
  const now = new Date();
  const [rows, exceptions] = await Promise.all([
    db.checkState.findMany({ where: { targetId: id } }),
    db.exception.findMany({
      where: { OR: [{ targetId: id }, { targetId: null }], revokedAt: null, expiresAt: { gt: now } },
      // A target's own exception wins over a fleet-wide one for the same check.
      orderBy: [{ targetId: { sort: 'asc', nulls: 'first' } }, { expiresAt: 'asc' }],
      select: { id: true, checkId: true, expiresAt: true, reason: true },
    }),
  ]);
  const accepted = new Map(exceptions.map((e) => [e.checkId, { id: e.id, expiresAt: e.expiresAt.toISOString(), reason: e.reason }]));
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
        remediation: def ? renderRemediation(def.remediation, facts) : '',
        why: def?.why ?? '',
        compliance: def?.compliance ?? [],
        firstSeenAt: r.firstSeenAt.toISOString(),
        changedAt: r.changedAt.toISOString(),
        lastSeenAt: r.lastSeenAt.toISOString(),
        exception: accepted.get(r.checkId) ?? null,
      };
    });
}
