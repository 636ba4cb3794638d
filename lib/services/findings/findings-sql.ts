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
  cs."targetId" AS "targetId", t.name AS "targetName", t.engine::text AS engine, t.host, t.port, t.database, t.grade,
  cr.username AS "probeUser", t.k8s->>'namespace' AS namespace, t."backupConfig"->>'stanza' AS stanza,
  t.environment, t."ownerTeam" AS "ownerTeam", t."ownerEmail" AS "ownerEmail",
  cs."checkId" AS "checkId", cs.status::text AS status, cs.severity::text AS severity, cs.evidence->>'summary' AS summary,
  cs."firstSeenAt" AS "firstSeenAt", cs."changedAt" AS "changedAt", cs."lastSeenAt" AS "lastSeenAt",
  ex.id AS "exceptionId", ex."expiresAt" AS "exceptionUntil"`;

/** Check states joined with their database and the active exception (this target's or fleet-wide) that covers them. */
export function findingsFrom(now: Date): Prisma.Sql {
  return Prisma.sql`
  FROM "CheckState" cs
  JOIN "Target" t ON t.id = cs."targetId"
  LEFT JOIN "Credential" cr ON cr.id = t."credentialId"
  LEFT JOIN LATERAL (
    SELECT e.id, e."expiresAt" FROM "Exception" e
    WHERE e."checkId" = cs."checkId" AND (e."targetId" = cs."targetId" OR e."targetId" IS NULL)
      AND e."revokedAt" IS NULL AND e."expiresAt" > ${ts(now)}
    ORDER BY e."expiresAt" DESC LIMIT 1
  ) ex ON true`;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function findingsWhere(f: FindingFilters, now: Date): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`t."archivedAt" IS NULL`];
  const listOf = (list: readonly string[] | undefined) => (list && list.length > 0 ? list : null);
  const statuses = listOf(f.status);
  if (statuses) parts.push(Prisma.sql`cs.status::text = ANY(${statuses}::text[])`);
  // the certificate window is a list of certificates, not of findings: one that still passes is on it too
  else if (f.expiresWithinDays === undefined) parts.push(Prisma.sql`cs.status IN ('fail', 'warn', 'error')`);
  else parts.push(Prisma.sql`cs.status IN ('pass', 'fail', 'warn', 'error')`);
  if (f.expiresWithinDays !== undefined) {
    const until = new Date(now.getTime() + f.expiresWithinDays * 86_400_000);
    parts.push(Prisma.sql`cs."checkId" = 'cert.expiry'`);
    // evidence is ours, but a row that does not hold an ISO date is left out rather than failing the cast
    parts.push(Prisma.sql`(cs.evidence->>'earliestNotAfter') ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T'`);
    parts.push(Prisma.sql`(cs.evidence->>'earliestNotAfter')::timestamptz <= ${until.toISOString()}::timestamptz`);
  }
  const severities = listOf(f.severity);
  if (severities) parts.push(Prisma.sql`cs.severity::text = ANY(${severities}::text[])`);
  const checks = listOf(f.checkId);
  if (checks) parts.push(Prisma.sql`cs."checkId" = ANY(${checks}::text[])`);
  const teams = listOf(f.team);
  if (teams) parts.push(Prisma.sql`t."ownerTeam" = ANY(${teams}::text[])`);
  const environments = listOf(f.environment);
  if (environments) parts.push(Prisma.sql`t.environment = ANY(${environments}::text[])`);
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
