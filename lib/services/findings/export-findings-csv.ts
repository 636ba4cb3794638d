import 'server-only';
import { db } from '../../db';
import { Prisma } from '../../generated/prisma/client';
import { findingFiltersSchema, type ListFindingsQuery } from '../../validations/finding';
import { authorize, type ServiceContext } from '../service-context';
import { csvRow } from './csv-row';
import { toFindingView, type FindingRow } from './finding-view';
import { findingColumns, findingsAfter, findingsFrom, findingsOrderBy, findingsWhere } from './findings-sql';

export const FINDINGS_CSV_HEADER = [
  'target', 'environment', 'team', 'owner_email', 'check_id', 'check_title', 'severity', 'status',
  'summary', 'first_seen', 'changed_at', 'last_seen', 'exception_until',
] as const;

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
  const where = findingsWhere(f);
  const [{ n: total } = { n: 0 }] = await db.$queryRaw<{ n: number }[]>(Prisma.sql`SELECT count(*)::int AS n ${from} ${where}`);

  async function* chunks(): AsyncGenerator<string> {
    yield csvRow(FINDINGS_CSV_HEADER);
    let last: FindingRow | undefined;
    let sent = 0;
    while (sent < FINDINGS_EXPORT_MAX_ROWS) {
      const take = Math.min(chunkSize, FINDINGS_EXPORT_MAX_ROWS - sent);
      const after = last ? Prisma.sql`AND ${findingsAfter(f, last)}` : Prisma.empty;
      const rows = await db.$queryRaw<FindingRow[]>(Prisma.sql`SELECT ${findingColumns} ${from} ${where} ${after} ${findingsOrderBy(f)} LIMIT ${take}`);
      if (rows.length === 0) return;
      yield rows.map((r) => csvRow(toCsvCells(r))).join('');
      sent += rows.length;
      last = rows[rows.length - 1];
      if (rows.length < take) return;
    }
  }

  return { filename: `posture-findings-${now.toISOString().slice(0, 10)}.csv`, total, truncated: total > FINDINGS_EXPORT_MAX_ROWS, chunks: chunks() };
}

function toCsvCells(r: FindingRow): string[] {
  const v = toFindingView(r);
  return [
    v.targetName, v.environment, v.ownerTeam ?? '', v.ownerEmail ?? '', v.checkId, v.checkTitle, v.severity, v.status,
    v.summary, v.firstSeenAt, v.changedAt, v.lastSeenAt, v.exception?.expiresAt ?? '',
  ];
}
