import type { TargetCheckView } from '@/lib/services/checks/list-target-checks';

type Area = TargetCheckView['area'];

/** The order areas are shown in; a check from an unknown area lands in "Other" at the end. */
export const checkAreas: { area: Area; label: string }[] = [
  { area: 'availability', label: 'Availability' },
  { area: 'tls', label: 'TLS' },
  { area: 'certificate', label: 'Certificate' },
  { area: 'passwords', label: 'Passwords' },
  { area: 'storage', label: 'Storage' },
  { area: 'backups', label: 'Backups' },
  { area: 'hardening', label: 'Hardening' },
  { area: 'other', label: 'Other' },
];

/** Groups checks by area in the order above, keeping the catalog order within each area. */
export function groupChecksByArea(checks: TargetCheckView[]) {
  const known = new Set(checkAreas.map((a) => a.area));
  const areaOf = (c: TargetCheckView): Area => (known.has(c.area) ? c.area : 'other');
  return checkAreas
    .map(({ area, label }) => ({ area, label, checks: checks.filter((c) => areaOf(c) === area) }))
    .filter((g) => g.checks.length > 0);
}

const attentionRank: Partial<Record<TargetCheckView['status'], number>> = { fail: 0, error: 1, warn: 2 };
const severityRank: Record<TargetCheckView['severity'], number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

/**
 * The page's three folds: what needs attention (fail, error, warn; worst first, open), what passes and what was
 * skipped (both closed), so a long page opens on what to fix. Empty folds are left out.
 */
export function bucketChecks(checks: TargetCheckView[]) {
  const attention = checks
    .filter((c) => attentionRank[c.status] !== undefined)
    .sort((a, b) => attentionRank[a.status]! - attentionRank[b.status]! || severityRank[a.severity] - severityRank[b.severity]);
  return [
    { id: 'attention', label: 'Needs attention', checks: attention },
    { id: 'passing', label: 'Passing', checks: checks.filter((c) => c.status === 'pass') },
    { id: 'skipped', label: 'Skipped', checks: checks.filter((c) => c.status === 'skip') },
  ].filter((b) => b.checks.length > 0);
}
