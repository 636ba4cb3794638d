import pg from 'pg';
import { endPgClient } from './end-pg-client';
import { limitPgClientIncomingBytes } from './limit-pg-client-incoming-bytes';
import { openPgLoginStream } from './open-pg-login-stream';
import type { PgSessionInput } from './probe-postgres-session';

export interface ProbePgClient {
  client: pg.Client;
  /** ends the session and detaches from the abort signal; safe to call more than once */
  close: () => Promise<void>;
}

/**
 * A node-postgres client for a probe session, not yet logged in, over a connection Posture opened itself: to the
 * address the network policy just checked (never the name again, against DNS rebinding), with TLS whose server
 * proved itself (or, where an admin allowed it, plaintext SCRAM only). Throws CredentialWithheldError otherwise.
 */
export async function openProbePgClient(input: PgSessionInput): Promise<ProbePgClient> {
  const stream = await openPgLoginStream({
    host: input.host,
    port: input.port,
    trust: input.trust,
    allowPlaintext: !input.requireTls && !input.tlsOffered,
    connectTimeoutMs: input.connectTimeoutMs,
    signal: input.signal,
    network: input.network,
  });
  const client = new pg.Client({
    stream: () => stream,
    ssl: false,
    // Only pg's bookkeeping: the connection above is already open to the checked address.
    host: input.host,
    port: input.port,
    database: input.database,
    user: input.user,
    password: input.password ?? undefined,
    // SCRAM-SHA-256-PLUS ties the login to this TLS session, so a relay in the middle cannot reuse it.
    enableChannelBinding: stream.encrypted,
    connectionTimeoutMillis: input.connectTimeoutMs,
    query_timeout: input.queryTimeoutMs,
    statement_timeout: input.queryTimeoutMs,
    application_name: 'posture',
  });
  // The stream pg reads is ours: the probe's byte budget counts it, and a throw in pg's parser ends the probe.
  limitPgClientIncomingBytes(client);
  const onAbort = () => void endPgClient(client);
  input.signal?.addEventListener('abort', onAbort, { once: true });
  client.on('error', () => {});
  return {
    client,
    close: async () => {
      input.signal?.removeEventListener('abort', onAbort);
      await endPgClient(client);
    },
  };
}
