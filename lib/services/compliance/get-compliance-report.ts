import 'server-only';
import { db } from '../../db';
import { checkCatalog } from '../../checks/check-catalog';
import type { Severity } from '../../checks/check-definition';
import { compareControls, controlName, type Framework, frameworks, unautomatedControls } from '../../checks/compliance-controls';
import { securityChecklist } from '../../checks/security-checklist';
import type { Grade } from '../../grading/grade-bands';
import { gradeFleetFromStore } from '../../fleet/grade-fleet-from-store';
import { authorize, type ServiceContext } from '../service-context';

/**
 * One vocabulary for a check within a control and for the control itself: non-compliant when the check does not
 * pass on some active database (fail, warn or error) without an accepted exception; no data when no database has run it.
 */
export type ComplianceStatus = 'compliant' | 'compliant_with_exceptions' | 'non_compliant' | 'no_data' | 'not_automated';

export interface ControlCheck {
  id: string;
  title: string;
  severity: Severity;
  /** active databases where the check passes */
  passing: number;
  /** active databases where it fails, warns or errors, with no accepted exception */
  failing: number;
  /** active databases where it does not pass but an accepted exception covers it */
  excepted: number;
  /** active databases where it was skipped (does not apply there) */
  notApplicable: number;
  status: ComplianceStatus;
}

export interface ControlReport {
  control: string;
  name: string;
  status: ComplianceStatus;
  /** distinct active databases failing any of the mapped checks */
  failingDatabases: number;
  acceptedExceptions: number;
  checks: ControlCheck[];
  /** why a control is not automated */
  note?: string;
}

export interface FrameworkReport {
  framework: Framework;
  controls: ControlReport[];
  summary: Record<ComplianceStatus, number>;
}

export type ChecklistStatus = 'ok' | 'failing' | 'not_automated' | 'no_data';

export interface ChecklistResult {
  item: string;
  note: string;
  checks: { id: string; title: string }[];
  status: ChecklistStatus;
  failingDatabases: number;
  acceptedExceptions: number;
}

export interface ComplianceReport {
  generatedAt: string;
  /** atF: databases whose own (capped) grade is F, which the fleet's mean score can hide */
  fleet: { score: number | null; grade: Grade | null; databases: number; graded: number; atF: number };
  frameworks: FrameworkReport[];
  checklist: ChecklistResult[];
}

interface CheckStats {
  passing: number;
  notApplicable: number;
  failingTargets: Set<string>;
  exceptedTargets: Set<string>;
}

const titles = new Map(checkCatalog.map((c) => [c.id, c]));
const rank: Record<ComplianceStatus, number> = { non_compliant: 4, compliant_with_exceptions: 3, compliant: 2, no_data: 1, not_automated: 0 };

function checkStatus(s: Omit<ControlCheck, 'status' | 'id' | 'title' | 'severity'>): ComplianceStatus {
  if (s.failing > 0) return 'non_compliant';
  if (s.excepted > 0) return 'compliant_with_exceptions';
  return s.passing > 0 ? 'compliant' : 'no_data';
}

/** Latest check states of active databases, split by whether an accepted exception covers each non-passing one. */
async function loadStats(now: Date): Promise<Map<string, CheckStats>> {
  const active = { target: { archivedAt: null } };
  const [grouped, open, exceptions] = await Promise.all([
    db.checkState.groupBy({ by: ['checkId', 'status'], where: { ...active, status: { in: ['pass', 'skip'] } }, _count: { _all: true } }),
    db.checkState.findMany({ where: { ...active, status: { in: ['fail', 'warn', 'error'] } }, select: { targetId: true, checkId: true } }),
    db.exception.findMany({ where: { revokedAt: null, expiresAt: { gt: now } }, select: { targetId: true, checkId: true } }),
  ]);
  const fleetWide = new Set(exceptions.filter((e) => e.targetId === null).map((e) => e.checkId));
  const perTarget = new Set(exceptions.filter((e) => e.targetId !== null).map((e) => `${e.targetId}|${e.checkId}`));
  const stats = new Map<string, CheckStats>();
  const of = (checkId: string) => {
    let s = stats.get(checkId);
    if (!s) stats.set(checkId, (s = { passing: 0, notApplicable: 0, failingTargets: new Set(), exceptedTargets: new Set() }));
    return s;
  };
  for (const g of grouped) {
    if (g.status === 'pass') of(g.checkId).passing = g._count._all;
    else of(g.checkId).notApplicable = g._count._all;
  }
  for (const o of open) {
    const excepted = fleetWide.has(o.checkId) || perTarget.has(`${o.targetId}|${o.checkId}`);
    (excepted ? of(o.checkId).exceptedTargets : of(o.checkId).failingTargets).add(o.targetId);
  }
  return stats;
}

function controlReport(control: string, name: string, checkIds: string[], stats: Map<string, CheckStats>): ControlReport {
  const failingDatabases = new Set<string>();
  let acceptedExceptions = 0;
  const checks = checkIds.map((id): ControlCheck => {
    const s = stats.get(id);
    const counts = { passing: s?.passing ?? 0, failing: s?.failingTargets.size ?? 0, excepted: s?.exceptedTargets.size ?? 0, notApplicable: s?.notApplicable ?? 0 };
    s?.failingTargets.forEach((t) => failingDatabases.add(t));
    acceptedExceptions += counts.excepted;
    const def = titles.get(id);
    return { id, title: def?.title ?? id, severity: def?.severity ?? 'info', ...counts, status: checkStatus(counts) };
  });
  const worst = checks.reduce<ComplianceStatus>((w, c) => (rank[c.status] > rank[w] ? c.status : w), 'no_data');
  return { control, name, status: worst, failingDatabases: failingDatabases.size, acceptedExceptions, checks };
}

function frameworkReport(framework: Framework, stats: Map<string, CheckStats>): FrameworkReport {
  const mapped = new Map<string, string[]>();
  for (const c of checkCatalog) {
    for (const r of c.compliance) if (r.framework === framework) mapped.set(r.control, [...(mapped.get(r.control) ?? []), c.id]);
  }
  const controls = [...mapped.entries()].map(([control, ids]) => controlReport(control, controlName({ framework, control }), ids, stats));
  for (const u of unautomatedControls.filter((u) => u.framework === framework)) {
    controls.push({ control: u.control, name: controlName(u), status: 'not_automated', failingDatabases: 0, acceptedExceptions: 0, checks: [], note: u.note });
  }
  controls.sort((a, b) => compareControls(a.control, b.control));
  const summary: Record<ComplianceStatus, number> = { compliant: 0, compliant_with_exceptions: 0, non_compliant: 0, no_data: 0, not_automated: 0 };
  for (const c of controls) summary[c.status] += 1;
  return { framework, controls, summary };
}

function checklistResult(item: (typeof securityChecklist)[number], stats: Map<string, CheckStats>): ChecklistResult {
  const checks = item.checks.map((id) => ({ id, title: titles.get(id)?.title ?? id }));
  if (checks.length === 0) return { item: item.item, note: item.note, checks, status: 'not_automated', failingDatabases: 0, acceptedExceptions: 0 };
  const r = controlReport(item.item, item.item, item.checks, stats);
  const status: ChecklistStatus = r.status === 'non_compliant' ? 'failing' : r.status === 'no_data' ? 'no_data' : 'ok';
  return { item: item.item, note: item.note, checks, status, failingDatabases: r.failingDatabases, acceptedExceptions: r.acceptedExceptions };
}

/** Every framework control the catalog evidences, and the seed runbook's checklist, evaluated on the fleet's latest states. */
export async function getComplianceReport(ctx: ServiceContext, now = new Date()): Promise<ComplianceReport> {
  authorize(ctx, 'inventory:read');
  const [stats, { fleet }] = await Promise.all([loadStats(now), gradeFleetFromStore(db)]);
  return {
    generatedAt: now.toISOString(),
    fleet: { score: fleet.score, grade: fleet.grade, databases: fleet.targets, graded: fleet.graded, atF: fleet.distribution.F },
    frameworks: frameworks.map((f) => frameworkReport(f, stats)),
    checklist: securityChecklist.map((i) => checklistResult(i, stats)),
  };
}
