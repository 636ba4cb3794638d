/** A UTC calendar day n days from now, as a date input holds it (YYYY-MM-DD); "accepted until" dates are UTC too. */
export function utcDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
