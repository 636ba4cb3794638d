import Link from 'next/link';
import { describeCaps } from '@/lib/grading/describe-caps';
import type { GradeCap } from '@/lib/grading/grade-target';

const bands = ['a', 'b', 'c', 'd'];

interface Props {
  grade: string | null | undefined;
  size?: 'large';
  /** the rules that hold this grade below its score's band: named in the title and marked next to the letter */
  caps?: readonly GradeCap[];
  /** the grade the score alone gives, for the title */
  scoreGrade?: string | null;
  /** false where the badge sits inside another control (a summary, a link) */
  link?: boolean;
}

/**
 * A letter grade as a coloured badge: A green, B teal, C yellow, D orange, F red, linked to the grading policy. The
 * letter is always printed, so the colour never carries the meaning alone; a capped grade says so next to it.
 */
export function GradeBadge({ grade, size, caps, scoreGrade, link = true }: Props) {
  const sizeClass = size === 'large' ? ' grade-large' : '';
  if (!grade) {
    return (
      <span className={`grade grade-none${sizeClass}`} title="Not graded yet">
        —
      </span>
    );
  }
  const letter = grade.charAt(0).toLowerCase();
  const className = `grade grade-${bands.includes(letter) ? letter : 'f'}${sizeClass}`;
  const capped = caps && caps.length > 0 ? describeCaps(caps) : null;
  const title = `Grade ${grade}${capped ? `: ${capped}${scoreGrade ? `; the score alone gives ${scoreGrade}` : ''}` : ''}. How grades are worked out: the grading policy.`;
  const badge = link ? (
    <Link href="/grading" className={className} title={title}>
      {grade}
    </Link>
  ) : (
    <span className={className} title={title}>
      {grade}
    </span>
  );
  if (!capped) return badge;
  const unverified = caps![0]!.rule === 'critical-unverified';
  return (
    <span className="grade-with-cap">
      {badge}
      <span className="grade-cap-tag" title={capped}>
        {unverified ? 'unverified' : 'capped'}
        <span className="sr-only">: {capped}</span>
      </span>
    </span>
  );
}
