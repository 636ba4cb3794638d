import 'server-only';
import { db } from '../../db';
import type { Prisma } from '../../generated/prisma/client';
import { listTargetsQuerySchema, type ListTargetsQuery } from '../../validations/target';
import { authorize, type ServiceContext } from '../service-context';
import { targetListWhere } from './target-list-where';
import { toTargetView, targetViewSelect, type TargetView } from './target-view';

const nullableSorts = new Set(['ownerTeam', 'grade', 'lastScanAt']);

export interface TargetPage {
  items: TargetView[];
  total: number;
  page: number;
  pageSize: number;
  facets: { environments: string[]; teams: string[]; tags: string[] };
}

/**
 * The inventory page: numbered pages with a total, sorted by any column, and the filter facets. The API pages by
 * keyset instead (listDatabases), which no jump to page N can offer; both filter through targetListWhere.
 */
export async function listTargets(ctx: ServiceContext, query: ListTargetsQuery): Promise<TargetPage> {
  authorize(ctx, 'inventory:read');
  const q = listTargetsQuerySchema.parse(query);
  const where = targetListWhere(q);
  // Grades sort by their rank, caps included (letters do not sort in grade order), then by score.
  const orderBy: Prisma.TargetOrderByWithRelationInput[] =
    q.sort === 'grade'
      ? [{ gradeRank: { sort: q.dir, nulls: 'last' } }, { score: { sort: q.dir, nulls: 'last' } }, { name: 'asc' }]
      : [{ [q.sort]: nullableSorts.has(q.sort) ? { sort: q.dir, nulls: 'last' } : q.dir } as Prisma.TargetOrderByWithRelationInput, { name: 'asc' }];
  const [rows, total, facets] = await Promise.all([
    db.target.findMany({ where, orderBy, skip: (q.page - 1) * q.pageSize, take: q.pageSize, select: targetViewSelect }),
    db.target.count({ where }),
    db.$queryRaw<{ environments: string[] | null; teams: string[] | null; tags: string[] | null }[]>`
      SELECT array_agg(DISTINCT environment ORDER BY environment) AS environments,
             array_agg(DISTINCT "ownerTeam" ORDER BY "ownerTeam") FILTER (WHERE "ownerTeam" IS NOT NULL) AS teams,
             (SELECT array_agg(DISTINCT t ORDER BY t) FROM "Target", unnest(tags) AS t) AS tags
      FROM "Target"`,
  ]);
  const f = facets[0];
  return {
    items: rows.map(toTargetView),
    total,
    page: q.page,
    pageSize: q.pageSize,
    facets: { environments: f?.environments ?? [], teams: f?.teams ?? [], tags: f?.tags ?? [] },
  };
}
