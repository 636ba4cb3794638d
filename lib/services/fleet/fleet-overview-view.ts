import 'server-only';
import type { Criticality } from '../../generated/prisma/enums';
import type { Grade } from '../../grading/grade-bands';
import type { FleetCapRuleId } from '../../grading/grading-policy';
import type { GradeCap } from '../../grading/grade-target';

export interface FailingBySeverity {
  critical: number;
  high: number;
  medium: number;
  low: number;
}

/** A fleet rule holding the fleet grade down, with the databases behind it (the first ten by criticality). */
export interface FleetCapView {
  rule: FleetCapRuleId;
  maxGrade: Grade;
  databases: number;
  examples: { id: string; name: string; criticality: string }[];
}

export interface FleetPosture {
  score: number | null;
  grade: Grade | null;
  /** the grade of the weighted mean alone */
  scoreGrade: Grade | null;
  caps: FleetCapView[];
  scoreWithExceptions: number | null;
  gradeWithExceptions: Grade | null;
  failing: FailingBySeverity;
}

/** A target named in an attention list: enough to link to it and to say whose it is. */
export interface TargetRef {
  targetId: string;
  targetName: string;
  ownerTeam: string | null;
}

export interface ExpiringCertificate extends TargetRef {
  status: string;
  notAfter: string;
  /** whole days from now; negative once expired */
  daysLeft: number;
  subject: string | null;
}

export interface PasswordDue extends TargetRef {
  status: 'warn' | 'fail';
  /** when it turned warn or fail */
  since: string;
  ageDays: number | null;
  policyDays: number | null;
  validUntil: string | null;
  source: string | null;
  summary: string | null;
}

export interface StaleBackup extends TargetRef {
  checkId: 'backup.freshness' | 'backup.wal_archiving';
  summary: string | null;
  /** when this check last changed status, i.e. failing since */
  since: string;
}

export interface WorstDatabase {
  id: string;
  name: string;
  ownerTeam: string | null;
  criticality: Criticality;
  score: number;
  grade: Grade | null;
  scoreGrade: Grade | null;
  caps: GradeCap[];
  failing: FailingBySeverity;
  lastScanAt: string | null;
}

export interface FleetOverview {
  generatedAt: string;
  inventory: { active: number; archived: number; graded: number };
  now: FleetPosture;
  /** the fleet snapshot nearest to 30 days ago (within a week of it); null until there is one */
  /** a stored daily snapshot: its grade as written then, without the caps' detail */
  before: (Omit<FleetPosture, 'caps' | 'scoreGrade'> & { day: string }) | null;
  distribution: { grade: Grade | 'ungraded'; count: number }[];
  /** one point per day with a fleet snapshot, oldest first */
  trend: { day: string; score: number; scoreWithExceptions: number }[];
  trendDays: number;
  /** while the trend has fewer than two days: the fleet score after each of today's scans, so day one has a line */
  dayOne: { at: string; score: number }[];
  /** certificates that expire within 30 days or have expired (cert.expiry warn or fail), the 10 soonest */
  certificates: { total: number; items: ExpiringCertificate[] };
  passwordsDue: { total: number; items: PasswordDue[] };
  staleBackups: { total: number; items: StaleBackup[] };
  /** the 10 lowest scores */
  worst: WorstDatabase[];
}
