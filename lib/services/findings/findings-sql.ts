import 'server-only';
import { Prisma } from '../../generated/prisma/client';
import type { Severity } from '../../checks/check-definition';
import { defaultFindingDir, type FindingFilters } from '../../validations/finding';
import type { FindingRow } from './finding-view';

/** Stored timestamps are UTC wall-clock TIMESTAMP(3); a text cast keeps the session time zone out of it. */
const ts = (d: Date) => Prisma.sql`${d.toISOString()}::timestamp(3)`;

const sevRank = Prisma.sql`(CASE cs.severity WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 ELSE 0 END)`;
const rankOf: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

export const findingColumns = Prisma.sql`
  cs."targetId" AS "targetId", t.name AS "targetName", t.environment, t."ownerTeam" AS "ownerTeam", t."ownerEmail" AS "ownerEmail",
  cs."checkId" AS "checkId", cs.status::text AS status, cs.severity::text AS severity, cs.evidence->>'summary' AS summary,
  cs."firstSeenAt" AS "firstSeenAt", cs."changedAt" AS "changedAt", cs."lastSeenAt" AS "lastSeenAt",
  ex.id AS "exceptionId", ex."expiresAt" AS "exceptionUntil"`;

/** Check states joined with their database and the active exception (this target's or fleet-wide) that covers them. */
export function findingsFrom(now: Date): Prisma.Sql {
  return Prisma.sql`
  FROM "CheckState" cs
  JOIN "Target" t ON t.id = cs."targetId"
  LEFT JOIN LATERAL (
    SELECT e.id, e."expiresAt" FROM "Exception" e
    WHERE e."checkId" = cs."checkId" AND (e."targetId" = cs."targetId" OR e."targetId" IS NULL)
      AND e."revokedAt" IS NULL AND e."expiresAt" > ${ts(now)}
    ORDER BY e."expiresAt" DESC LIMIT 1
  ) ex ON true`;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function findingsWhere(f: FindingFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`t."archivedAt" IS NULL`];
  parts.push(f.status ? Prisma.sql`cs.status = ${f.status}::"CheckStatus"` : Prisma.sql`cs.status IN ('fail', 'warn', 'error')`);
  if (f.severity) parts.push(Prisma.sql`cs.severity = ${f.severity}::"Severity"`);
  if (f.checkId) parts.push(Prisma.sql`cs."checkId" = ${f.checkId}`);
  if (f.team) parts.push(Prisma.sql`t."ownerTeam" = ${f.team}`);
  if (f.environment) parts.push(Prisma.sql`t.environment = ${f.environment}`);
  if (f.q) parts.push(Prisma.sql`t.name ILIKE ${`%${escapeLike(f.q)}%`}`);
  if (f.exceptions === 'exclude') parts.push(Prisma.sql`ex.id IS NULL`);
  if (f.exceptions === 'only') parts.push(Prisma.sql`ex.id IS NOT NULL`);
  return Prisma.sql`WHERE ${Prisma.join(parts, ' AND ')}`;
}

/**
 * Every sort ends in (target name, check id), which is unique, so the order is total and the export can page
 * by keyset. All keys share one direction, which is what lets a row comparison find "the rows after this one".
 */
function sortKeys(sort: FindingFilters['sort']): { expr: Prisma.Sql; value: (r: FindingRow) => Prisma.Sql }[] {
  const name = { expr: Prisma.sql`t.name`, value: (r: FindingRow) => Prisma.sql`${r.targetName}` };
  const check = { expr: Prisma.sql`cs."checkId"`, value: (r: FindingRow) => Prisma.sql`${r.checkId}` };
  const changed = { expr: Prisma.sql`cs."changedAt"`, value: (r: FindingRow) => ts(r.changedAt) };
  const severity = { expr: sevRank, value: (r: FindingRow) => Prisma.sql`${rankOf[r.severity as Severity] ?? 0}::int` };
  switch (sort) {
    case 'severity':
      return [severity, changed, name, check];
    case 'since':
      return [changed, name, check];
    case 'target':
      return [name, check];
    case 'check':
      return [check, name];
  }
}

export function findingsDir(f: FindingFilters): 'asc' | 'desc' {
  return f.dir ?? defaultFindingDir[f.sort];
}

export function findingsOrderBy(f: FindingFilters): Prisma.Sql {
  const dir = Prisma.raw(findingsDir(f) === 'asc' ? 'ASC' : 'DESC');
  return Prisma.sql`ORDER BY ${Prisma.join(
    sortKeys(f.sort).map((k) => Prisma.sql`${k.expr} ${dir}`),
    ', ',
  )}`;
}

/** "After this row" in the list's order, for keyset paging. */
export function findingsAfter(f: FindingFilters, last: FindingRow): Prisma.Sql {
  const keys = sortKeys(f.sort);
  const op = Prisma.raw(findingsDir(f) === 'asc' ? '>' : '<');
  return Prisma.sql`(${Prisma.join(keys.map((k) => k.expr))}) ${op} (${Prisma.join(keys.map((k) => k.value(last)))})`;
}
