import 'server-only';
import { checkCatalog } from '../../checks/check-catalog';
import type { CheckStatus, Severity } from '../../checks/check-definition';

/** One non-passing check on one active database, and the exception that accepts it, if any. */
export interface FindingView {
  targetId: string;
  targetName: string;
  environment: string;
  ownerTeam: string | null;
  ownerEmail: string | null;
  checkId: string;
  checkTitle: string;
  severity: Severity;
  status: Extract<CheckStatus, 'fail' | 'warn' | 'error'>;
  summary: string;
  firstSeenAt: string;
  changedAt: string;
  lastSeenAt: string;
  /** an active exception covers this finding */
  accepted: boolean;
  exception: { id: string; expiresAt: string } | null;
}

/** What the findings query selects (see findings-sql.ts). */
export interface FindingRow {
  targetId: string;
  targetName: string;
  environment: string;
  ownerTeam: string | null;
  ownerEmail: string | null;
  checkId: string;
  status: string;
  severity: string;
  summary: string | null;
  firstSeenAt: Date;
  changedAt: Date;
  lastSeenAt: Date;
  exceptionId: string | null;
  exceptionUntil: Date | null;
}

const titles = new Map(checkCatalog.map((c) => [c.id, c.title]));

export function toFindingView(r: FindingRow): FindingView {
  return {
    targetId: r.targetId,
    targetName: r.targetName,
    environment: r.environment,
    ownerTeam: r.ownerTeam,
    ownerEmail: r.ownerEmail,
    checkId: r.checkId,
    checkTitle: titles.get(r.checkId) ?? r.checkId,
    severity: r.severity as Severity,
    status: r.status as FindingView['status'],
    summary: r.summary ?? '',
    firstSeenAt: r.firstSeenAt.toISOString(),
    changedAt: r.changedAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
    accepted: r.exceptionId !== null,
    exception: r.exceptionId && r.exceptionUntil ? { id: r.exceptionId, expiresAt: r.exceptionUntil.toISOString() } : null,
  };
}
