import 'server-only';
import { db } from '../../db';
import { Prisma } from '../../generated/prisma/client';
import { findingFiltersSchema, type ListFindingsQuery } from '../../validations/finding';
import { authorize, type ServiceContext } from '../service-context';
import { csvRow } from './csv-row';
import { checkCatalog } from '../../checks/check-catalog';
import { renderRemediation } from '../../checks/render-remediation';
import { alertSetting } from '../../settings/alert-setting';
import { toFindingView, type FindingRow } from './finding-view';
import { findingColumns, findingsAfter, findingsFrom, findingsOrderBy, findingsWhere } from './findings-sql';

export const FINDINGS_CSV_HEADER = [
  'target', 'host', 'port', 'database', 'grade', 'environment', 'team', 'owner_email', 'owner_email_source', 'check_id', 'check_title',
  'severity', 'status', 'summary', 'remediation', 'first_seen', 'changed_at', 'last_seen', 'exception_until',
] as const;

const catalog = new Map(checkCatalog.map((c) => [c.id, c]));

export const FINDINGS_EXPORT_MAX_ROWS = 100_000;
const CHUNK = 1_000;

export interface FindingsCsv {
  filename: string;
  /** rows matching the filters; more than FINDINGS_EXPORT_MAX_ROWS means the file is cut there */
  total: number;
  truncated: boolean;
  /** the header line, then one chunk per page of rows, read by keyset so memory stays flat */
  chunks: AsyncGenerator<string>;
}

/** The findings list's filters and order, every row (up to the cap), as RFC 4180 CSV. Parsed and authorized before anything streams. */
export async function exportFindingsCsv(ctx: ServiceContext, query: ListFindingsQuery, opts: { now?: Date; chunkSize?: number } = {}): Promise<FindingsCsv> {
  authorize(ctx, 'inventory:read');
  const f = findingFiltersSchema.parse(Object.fromEntries(Object.entries(query).filter(([k]) => k !== 'page' && k !== 'pageSize')));
  const now = opts.now ?? new Date();
  const chunkSize = opts.chunkSize ?? CHUNK;
  const from = findingsFrom(now);
  const where = findingsWhere(f, now);
  const [[{ n: total } = { n: 0 }], { teamAddresses }] = await Promise.all([
    db.$queryRaw<{ n: number }[]>(Prisma.sql`SELECT count(*)::int AS n ${from} ${where}`),
    alertSetting.load(),
  ]);

  async function* chunks(): AsyncGenerator<string> {
    yield csvRow(FINDINGS_CSV_HEADER);
    let last: FindingRow | undefined;
    let sent = 0;
    while (sent < FINDINGS_EXPORT_MAX_ROWS) {
      const take = Math.min(chunkSize, FINDINGS_EXPORT_MAX_ROWS - sent);
      const after = last ? Prisma.sql`AND ${findingsAfter(f, last)}` : Prisma.empty;
      const rows = await db.$queryRaw<FindingRow[]>(Prisma.sql`SELECT ${findingColumns} ${from} ${where} ${after} ${findingsOrderBy(f)} LIMIT ${take}`);
      if (rows.length === 0) return;
      yield rows.map((r) => csvRow(toCsvCells(r, teamAddresses))).join('');
      sent += rows.length;
      last = rows[rows.length - 1];
      if (rows.length < take) return;
    }
  }

  return { filename: `posture-findings-${now.toISOString().slice(0, 10)}.csv`, total, truncated: total > FINDINGS_EXPORT_MAX_ROWS, chunks: chunks() };
}

function toCsvCells(r: FindingRow, teamAddresses: readonly { team: string; email: string }[]): string[] {
  const v = toFindingView(r, teamAddresses);
  const def = catalog.get(r.checkId);
  const facts = { engine: r.engine, host: r.host, port: r.port, database: r.database, user: r.probeUser, namespace: r.namespace, stanza: r.stanza };
  return [
    v.targetName, v.host, String(v.port), v.database ?? '', v.grade ?? '', v.environment, v.ownerTeam ?? '', v.ownerEmail ?? '',
    v.ownerEmailSource ?? 'none', v.checkId, v.checkTitle, v.severity, v.status, v.summary, def ? renderRemediation(def.remediation, facts) : '',
    v.firstSeenAt, v.changedAt, v.lastSeenAt, v.exception?.expiresAt ?? '',
  ];
}
