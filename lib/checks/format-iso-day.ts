/** The calendar day (UTC) of an ISO timestamp, or the input itself when it does not parse. */
export function formatIsoDay(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toISOString().slice(0, 10);
}
