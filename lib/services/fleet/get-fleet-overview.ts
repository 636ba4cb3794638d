import 'server-only';
import { db } from '../../db';
import { grades, type Grade } from '../../grading/grade-bands';
import { gradeFleetFromStore } from '../../fleet/grade-fleet-from-store';
import { fleetOverviewQuerySchema, type FleetOverviewQuery } from '../../validations/fleet';
import { authorize, type ServiceContext } from '../service-context';
import type { FleetCap } from '../../grading/grade-fleet';
import type { GradeCap } from '../../grading/grade-target';
import { importantCriticalities } from '../../grading/grading-policy';
import type { Criticality } from '../../generated/prisma/enums';
import type { FleetCapView, FleetOverview } from './fleet-overview-view';
import { queryDayOneScans } from './query-day-one-scans';
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
    // Worst by grade first (caps included), then by score: an F at 93.6 is worse than an A- at 90.
    db.target.findMany({
      where: { archivedAt: null, score: { not: null } },
      orderBy: [{ gradeRank: { sort: 'asc', nulls: 'last' } }, { score: 'asc' }, { name: 'asc' }],
      take: 10,
      select: { id: true, name: true, ownerTeam: true, criticality: true, score: true, grade: true, scoreGrade: true, caps: true, failingCritical: true, failingHigh: true, failingMedium: true, failingLow: true, lastScanAt: true },
    }),
  ]);
  const { fleet, withExceptions } = graded;
  const [caps, dayOne] = await Promise.all([fleetCapExamples(fleet.caps), history.trend.length < 2 ? queryDayOneScans(now) : Promise.resolve([])]);
  return {
    generatedAt: now.toISOString(),
    inventory: { active: fleet.targets, archived, graded: fleet.graded },
    now: {
      score: fleet.score,
      grade: fleet.grade,
      scoreGrade: fleet.scoreGrade,
      caps,
      scoreWithExceptions: withExceptions.score,
      gradeWithExceptions: withExceptions.grade,
      failing: { critical: fleet.counts.critical, high: fleet.counts.high, medium: fleet.counts.medium, low: fleet.counts.low },
    },
    before: history.before,
    distribution: [...grades, 'ungraded' as const].map((grade) => ({ grade, count: fleet.distribution[grade] })),
    trend: history.trend,
    trendDays: days,
    dayOne,
    certificates,
    passwordsDue,
    staleBackups,
    worst: worst.map((t) => ({
      id: t.id,
      name: t.name,
      ownerTeam: t.ownerTeam,
      criticality: t.criticality,
      score: t.score ?? 0,
      // The grade columns are only ever written from grade bands and the grading policy.
      grade: t.grade as Grade | null,
      scoreGrade: t.scoreGrade as Grade | null,
      caps: (t.caps as GradeCap[] | null) ?? [],
      failing: { critical: t.failingCritical, high: t.failingHigh, medium: t.failingMedium, low: t.failingLow },
      lastScanAt: t.lastScanAt?.toISOString() ?? null,
    })),
  };
}

/** The databases behind each fleet cap: F ones, the most critical first (ten at most: the cap says how many). */
async function fleetCapExamples(caps: FleetCap[]): Promise<FleetCapView[]> {
  if (caps.length === 0) return [];
  const failing = await db.target.findMany({
    where: { archivedAt: null, grade: 'F' },
    orderBy: [{ criticality: 'desc' }, { name: 'asc' }],
    take: 50,
    select: { id: true, name: true, criticality: true },
  });
  return caps.map((c) => {
    const pool = c.rule === 'fleet-important-failing' ? failing.filter((t) => importantCriticalities.includes(t.criticality as Criticality)) : failing;
    return { ...c, examples: pool.slice(0, 10).map((t) => ({ id: t.id, name: t.name, criticality: t.criticality })) };
  });
}
