/** SQLSTATEs a store sends while it stops or restarts: pg-boss reconnects, or this process is stopping too. */
const storeGoingAway = new Set(['57P01', '57P02', '57P03']);

/**
 * One line per pg-boss error, never the driver's whole error object: it carries queue internals and can be long.
 * Errors from a store that is shutting down are expected during a restart and stay quiet.
 */
export function logPgBossError(prefix: string, e: unknown): void {
  const err = e as { code?: unknown; message?: unknown } | null;
  if (typeof err?.code === 'string' && storeGoingAway.has(err.code)) return;
  const message = typeof err?.message === 'string' ? err.message : String(e);
  console.error(`${prefix} pg-boss error: ${message.split('\n')[0]}`);
}
