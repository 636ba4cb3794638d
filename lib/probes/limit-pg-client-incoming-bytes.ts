import type pg from 'pg';
import type { ByteBudget } from './byte-budget';
import { limitIncomingBytes } from './limit-incoming-bytes';
import { currentByteBudget } from './probe-scope';

/**
 * Bounds what a PostgreSQL server can send a node-postgres client, before it connects: its socket, then the TLS
 * stream pg wraps that socket in. pg buffers each message whole (a DataRow of whatever size it announces), so the
 * budget is what caps one; a throw in pg's parser (a malformed message) fails the probe instead of the worker.
 */
export function limitPgClientIncomingBytes(client: pg.Client, budget: ByteBudget = currentByteBudget()): void {
  const connection = client.connection;
  limitIncomingBytes(connection.stream, budget);
  connection.once('sslconnect', () => limitIncomingBytes(connection.stream, budget));
  // pg's parser makes one error per byte that is not a message (8 MiB of zeros: 8 million errors, 40 s of CPU).
  // Thrown from here, the first one unwinds the parser; the stream guard then destroys the stream and fails the probe.
  connection.on('errorMessage', (msg: Error) => {
    if (msg.message.startsWith('received invalid response')) throw new Error(`the server sent bytes that are not PostgreSQL messages (${msg.message})`);
  });
}
