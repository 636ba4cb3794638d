import type { TargetView } from '@/lib/services/targets/target-view';

const order = [
  ['critical', 'C', 'crit-critical'],
  ['high', 'H', 'crit-high'],
  ['medium', 'M', 'crit-medium'],
  ['low', 'L', 'crit-low'],
] as const;

/** Failing checks by severity as compact counts; the severity is spelled out for screen readers and on hover. */
export function FailingCounts({ failing, scanned }: { failing: TargetView['failing']; scanned: boolean }) {
  if (!scanned) return <span className="muted">—</span>;
  const shown = order.filter(([k]) => failing[k] > 0);
  if (shown.length === 0) return <span className="muted">none</span>;
  return (
    <span className="failing-counts">
      {shown.map(([k, letter, cls]) => (
        <span key={k} className={`crit ${cls}`} title={`${failing[k]} ${k}`} aria-label={`${failing[k]} ${k}`}>
          {failing[k]}
          {letter}
        </span>
      ))}
    </span>
  );
}
