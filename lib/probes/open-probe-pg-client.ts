import net from 'node:net';
import pg from 'pg';
import { resolveCheckedAddress } from '../network/resolve-checked-address';
import { endPgClient } from './end-pg-client';
import { limitPgClientIncomingBytes } from './limit-pg-client-incoming-bytes';
import type { PgSessionInput } from './probe-postgres-session';

export interface ProbePgClient {
  client: pg.Client;
  /** ends the session and detaches from the abort signal; safe to call more than once */
  close: () => Promise<void>;
}

/**
 * A node-postgres client for a probe session, not yet connected: aimed at the address the network policy just
 * checked (never the name again, against DNS rebinding), with the host name as TLS server name, timeouts on
 * connect and every query, and ended when the scan's signal aborts. Throws when the policy refuses the host.
 */
export async function openProbePgClient(input: PgSessionInput): Promise<ProbePgClient> {
  const address = await resolveCheckedAddress(input.host, input.connectTimeoutMs, input.network);
  const client = new pg.Client({
    host: address,
    port: input.port,
    database: input.database,
    user: input.user,
    password: input.password ?? undefined,
    // Encrypted transport is what matters here; the certificate is judged by the cert.* checks.
    ssl: input.tlsOffered ? { rejectUnauthorized: false, servername: net.isIP(input.host) ? undefined : input.host } : false,
    connectionTimeoutMillis: input.connectTimeoutMs,
    query_timeout: input.queryTimeoutMs,
    statement_timeout: input.queryTimeoutMs,
    application_name: 'posture-probe',
  });
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
