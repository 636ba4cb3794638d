import type { GradeCap } from '@/lib/grading/grade-target';
import { GradeBadge } from '../../../_components/grade-badge';

export interface GradePairProps {
  score: number | null;
  grade: string | null;
  scoreWithExceptions: number | null;
  gradeWithExceptions: string | null;
  acceptedExceptions: number;
  size?: 'large';
  caps?: readonly GradeCap[];
  capsWithExceptions?: readonly GradeCap[];
}

const scoreText = (n: number | null) => (n === null ? '—' : n.toFixed(1));

/** "B 86.5 · A 93.2 with 1 accepted exception": the second half only when an exception applies. */
export function GradePair({ score, grade, scoreWithExceptions, gradeWithExceptions, acceptedExceptions, size, caps, capsWithExceptions }: GradePairProps) {
  return (
    <span className={`grade-pair${size ? ' grade-pair-large' : ''}`}>
      <span className="grade-pair-part">
        <GradeBadge grade={grade} size={size} caps={caps} />
        <span className="grade-pair-score">{scoreText(score)}</span>
      </span>
      {acceptedExceptions > 0 ? (
        <>
          <span className="grade-pair-sep" aria-hidden="true">
            ·
          </span>
          <span className="grade-pair-part grade-pair-excepted">
            <GradeBadge grade={gradeWithExceptions} size={size} caps={capsWithExceptions} />
            <span className="grade-pair-score">
              {scoreText(scoreWithExceptions)}{' '}
              <span className="muted">
                with {acceptedExceptions} accepted {acceptedExceptions === 1 ? 'exception' : 'exceptions'}
              </span>
            </span>
          </span>
        </>
      ) : null}
    </span>
  );
}
