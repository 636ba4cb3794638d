import Link from 'next/link';
import { describeCaps } from '@/lib/grading/describe-caps';
import type { GradeCap } from '@/lib/grading/grade-target';

interface Props {
  caps: readonly GradeCap[];
  scoreGrade: string | null;
  score: number | null;
  /** the same for the grade with accepted exceptions, when it differs */
  withExceptions?: { caps: readonly GradeCap[]; grade: string | null } | null;
}

/** "Grade capped at B by pg.tls.min_version (a failing high check); the score alone gives A (93.1)", with the policy a click away. */
export function GradeCapNote({ caps, scoreGrade, score, withExceptions }: Props) {
  const capped = describeCaps(caps);
  if (!capped) return null;
  const wx = withExceptions && withExceptions.caps.length === 0 ? ` With the accepted exceptions nothing caps it (${withExceptions.grade ?? '—'}).` : '';
  return (
    <p className="alert alert-warn small cap-banner" role="note">
      <span>
        <strong>Grade {capped}</strong>; the score alone gives {scoreGrade ?? '—'}
        {score === null ? '' : ` (${score.toFixed(1)})`}.{wx}
      </span>
      <Link href="/grading">How grades are capped</Link>
    </p>
  );
}
