import { db } from '../db';

/**
 * Scan rows are bookkeeping for jobs; the history that matters lives in CheckEvent and GradeSnapshot. Finished
 * scans older than the window go, except each target's latest, so storage does not grow with runs.
 */
export async function pruneScans(olderThanHours = 48): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "Scan" s
    WHERE s.status IN ('succeeded', 'failed')
      AND s."finishedAt" < now() - make_interval(hours => ${olderThanHours})
      AND s.id <> (SELECT l.id FROM "Scan" l WHERE l."targetId" = s."targetId" ORDER BY l."createdAt" DESC LIMIT 1)`;
}
