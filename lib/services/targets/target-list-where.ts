import 'server-only';
import type { Prisma } from '../../generated/prisma/client';
import { grades } from '../../grading/grade-bands';
import type { TargetFilters } from '../../validations/target';

/** The one where-clause of the inventory's filters, for the page (numbered pages) and the API (keyset pages) alike. */
export function targetListWhere(f: TargetFilters): Prisma.TargetWhereInput {
  const below = f.gradeBelow ? grades.slice(grades.indexOf(f.gradeBelow) + 1) : null;
  return {
    ...(f.archived === 'all' ? {} : { archivedAt: f.archived === 'true' ? { not: null } : null }),
    ...(f.engine ? { engine: f.engine } : {}),
    ...(f.environment ? { environment: f.environment } : {}),
    ...(f.team ? { ownerTeam: f.team } : {}),
    ...(f.tag ? { tags: { has: f.tag } } : {}),
    ...(below ? { grade: { in: [...below] } } : {}),
    ...(f.q
      ? {
          OR: [
            { name: { contains: f.q, mode: 'insensitive' } },
            { host: { contains: f.q, mode: 'insensitive' } },
            { service: { contains: f.q, mode: 'insensitive' } },
            { ownerTeam: { contains: f.q, mode: 'insensitive' } },
          ],
        }
      : {}),
  };
}
