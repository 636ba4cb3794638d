import { db } from '../../db';
import { grades } from '../../grading/grade-bands';
import { gradeFleetFromStore } from '../../scan/grade-fleet-from-store';
import { fleetOverviewQuerySchema, type FleetOverviewQuery } from '../../validations/fleet';
import { authorize, type ServiceContext } from '../service-context';
import type { FleetOverview } from './fleet-overview-view';
import { queryExpiringCertificates } from './query-expiring-certificates';
import { queryFleetHistory } from './query-fleet-history';
import { queryPasswordsDue } from './query-passwords-due';
import { queryStaleBackups } from './query-stale-backups';

/**
 * Everything the overview shows, in a handful of aggregate or LIMITed queries run side by side: the cost grows
 * with the number of grades and days shown, not with the number of targets or snapshots stored.
 */
export async function getFleetOverview(ctx: ServiceContext, input: FleetOverviewQuery = {}): Promise<FleetOverview> {
  authorize(ctx, 'inventory:read');
  const { days } = fleetOverviewQuerySchema.parse(input);
  const now = new Date();
  const [graded, archived, history, certificates, passwordsDue, staleBackups, worst] = await Promise.all([
    gradeFleetFromStore(db),
    db.target.count({ where: { archivedAt: { not: null } } }),
    queryFleetHistory(now, days),
    queryExpiringCertificates(now),
    queryPasswordsDue(),
    queryStaleBackups(),
    db.target.findMany({
      where: { archivedAt: null, score: { not: null } },
      orderBy: [{ score: 'asc' }, { name: 'asc' }],
      take: 10,
      select: { id: true, name: true, ownerTeam: true, criticality: true, score: true, grade: true, failingCritical: true, failingHigh: true, failingMedium: true, failingLow: true, lastScanAt: true },
    }),
  ]);
  const { fleet, withExceptions } = graded;
  return {
    generatedAt: now.toISOString(),
    inventory: { active: fleet.targets, archived, graded: fleet.graded },
    now: {
      score: fleet.score,
      grade: fleet.grade,
      scoreWithExceptions: withExceptions.score,
      gradeWithExceptions: withExceptions.grade,
      failing: { critical: fleet.counts.critical, high: fleet.counts.high, medium: fleet.counts.medium, low: fleet.counts.low },
    },
    before: history.before,
    distribution: [...grades, 'ungraded' as const].map((grade) => ({ grade, count: fleet.distribution[grade] })),
    trend: history.trend,
    trendDays: days,
    certificates,
    passwordsDue,
    staleBackups,
    worst: worst.map((t) => ({
      id: t.id,
      name: t.name,
      ownerTeam: t.ownerTeam,
      criticality: t.criticality,
      score: t.score ?? 0,
      grade: t.grade,
      failing: { critical: t.failingCritical, high: t.failingHigh, medium: t.failingMedium, low: t.failingLow },
      lastScanAt: t.lastScanAt?.toISOString() ?? null,
    })),
  };
}
