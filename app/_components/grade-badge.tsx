/** A letter grade as a coloured badge; "—" until the target has been graded. */
export function GradeBadge({ grade }: { grade: string | null | undefined }) {
  if (!grade) {
    return (
      <span className="grade grade-none" title="Not graded yet">
        —
      </span>
    );
  }
  const letter = grade.charAt(0).toLowerCase();
  return (
    <span className={`grade grade-${['a', 'b', 'c', 'd'].includes(letter) ? letter : 'f'}`} title={`Grade ${grade}`}>
      {grade}
    </span>
  );
}
