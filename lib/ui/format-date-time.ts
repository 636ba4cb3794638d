/** Fixed UTC format, so server and client render the same text and hydration never mismatches. */
export function formatDateTime(iso: string | null | undefined, fallback = '—'): string {
  if (!iso) return fallback;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return fallback;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
