import type pg from 'pg';

/**
 * Ends a probe's node-postgres client: the polite Terminate, then the socket is destroyed if the server has not
 * closed it within `graceMs`. pg's end() waits for the server to close, which a hostile one never does.
 */
export async function endPgClient(client: pg.Client, graceMs = 1_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([client.end().catch(() => {}), new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
  clearTimeout(timer);
  client.connection.stream.destroy();
}
