/** "1 day", "5 days", "0 roles": the plural adds an s. */
export function formatCount(n: number, unit: string): string {
  return `${n} ${unit}${Math.abs(n) === 1 ? '' : 's'}`;
}
