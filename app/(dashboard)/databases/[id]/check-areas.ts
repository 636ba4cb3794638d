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
