import 'server-only';
import { db } from '../../db';
import { Prisma } from '../../generated/prisma/client';
import { checkCatalog } from '../../checks/check-catalog';
import { listFindingsQuerySchema, type ListFindingsQuery } from '../../validations/finding';
import { authorize, type ServiceContext } from '../service-context';
import { toFindingView, type FindingRow, type FindingView } from './finding-view';
import { alertSetting } from '../../settings/alert-setting';
import { fleetCheckGroups } from './fleet-check-groups';
import { findingColumns, findingsDir, findingsFrom, findingsOrderBy, findingsWhere } from './findings-sql';

export interface FindingPage {
  items: FindingView[];
  total: number;
  page: number;
  pageSize: number;
  sort: 'severity' | 'target' | 'check' | 'since';
  dir: 'asc' | 'desc';
  /** values for the filter dropdowns */
  facets: {
    checks: { id: string; title: string }[];
    /** the checks of the engines in the fleet, grouped: each engine's own, then each shared concern once */
    checkGroups: { label: string; checks: { id: string; title: string }[] }[];
    teams: string[];
    environments: string[];
  };
}

/** Every failing, warning or erroring check on the active databases, filtered, sorted and paged on the server. */
export async function listFindings(ctx: ServiceContext, query: ListFindingsQuery): Promise<FindingPage> {
  authorize(ctx, 'inventory:read');
  const q = listFindingsQuerySchema.parse(query);
  const now = new Date();
  const from = findingsFrom(now);
  const where = findingsWhere(q, now);
  const [rows, count, facets, alertSettings] = await Promise.all([
    db.$queryRaw<FindingRow[]>(Prisma.sql`SELECT ${findingColumns} ${from} ${where} ${findingsOrderBy(q)} LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`),
    db.$queryRaw<{ n: number }[]>(Prisma.sql`SELECT count(*)::int AS n ${from} ${where}`),
    db.$queryRaw<{ environments: string[] | null; teams: string[] | null; engines: string[] | null }[]>`
      SELECT array_agg(DISTINCT environment ORDER BY environment) AS environments,
             array_agg(DISTINCT "ownerTeam" ORDER BY "ownerTeam") FILTER (WHERE "ownerTeam" IS NOT NULL) AS teams,
             array_agg(DISTINCT engine::text) AS engines
      FROM "Target" WHERE "archivedAt" IS NULL`,
    alertSetting.load(),
  ]);
  return {
    items: rows.map((r) => toFindingView(r, alertSettings.teamAddresses)),
    total: count[0]?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
    sort: q.sort,
    dir: findingsDir(q),
    facets: {
      checks: checkCatalog.map((c) => ({ id: c.id, title: c.title })),
      checkGroups: fleetCheckGroups(facets[0]?.engines ?? []),
      teams: facets[0]?.teams ?? [],
      environments: facets[0]?.environments ?? [],
    },
  };
}
