import 'server-only';
import { checkCatalog } from '../../checks/check-catalog';
import type { CheckStatus, Severity } from '../../checks/check-definition';
import { ownerAddress } from '../../alerts/owner-address';

/** One non-passing check on one active database (or, in the certificate window, any cert.expiry), and its exception. */
export interface FindingView {
  targetId: string;
  targetName: string;
  engine: string;
  host: string;
  port: number;
  database: string | null;
  /** the database's grade as of its last scan */
  grade: string | null;
  environment: string;
  ownerTeam: string | null;
  /** the database's owner email, else its owner team's address from the alert settings */
  ownerEmail: string | null;
  /** where ownerEmail came from; null when the database has neither */
  ownerEmailSource: 'owner' | 'team' | null;
  checkId: string;
  checkTitle: string;
  severity: Severity;
  status: Extract<CheckStatus, 'pass' | 'fail' | 'warn' | 'error'>;
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
  engine: string;
  host: string;
  port: number;
  database: string | null;
  grade: string | null;
  probeUser: string | null;
  namespace: string | null;
  stanza: string | null;
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

export function toFindingView(r: FindingRow, teamAddresses: readonly { team: string; email: string }[]): FindingView {
  const owner = ownerAddress(r, teamAddresses);
  return {
    targetId: r.targetId,
    targetName: r.targetName,
    engine: r.engine,
    host: r.host,
    port: r.port,
    database: r.database,
    grade: r.grade,
    environment: r.environment,
    ownerTeam: r.ownerTeam,
    ownerEmail: owner?.email ?? null,
    ownerEmailSource: owner?.source ?? null,
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
