const bands = ['a', 'b', 'c', 'd'];

/**
 * A letter grade as a coloured badge: A green, B teal, C yellow, D orange, F red. The letter is always
 * printed, so the colour never carries the meaning alone; "—" until the target has been graded.
 */
export function GradeBadge({ grade, size }: { grade: string | null | undefined; size?: 'large' }) {
  const sizeClass = size === 'large' ? ' grade-large' : '';
  if (!grade) {
    return (
      <span className={`grade grade-none${sizeClass}`} title="Not graded yet">
        —
      </span>
    );
  }
  const letter = grade.charAt(0).toLowerCase();
  return (
    <span className={`grade grade-${bands.includes(letter) ? letter : 'f'}${sizeClass}`} title={`Grade ${grade}`}>
      {grade}
    </span>
  );
}
