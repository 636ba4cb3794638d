import type pg from 'pg';
import { openProbePgClient, type ProbePgClient } from './open-probe-pg-client';
import type { PgSessionInput } from './probe-postgres-session';

export interface SharedProbePgSession {
  /** runs `fn` on the one logged-in client, connecting on first use; `signal` aborting ends the session */
  use: <T>(signal: AbortSignal | undefined, fn: (client: pg.Client) => Promise<T>) => Promise<T>;
  /** ends the session; safe to call more than once, and when it never connected */
  close: () => Promise<void>;
}

/**
 * One probe login shared by every reader of a scan: each extra login costs the target a backend process, a TLS
 * handshake and a SCRAM exchange. A failed connect is remembered, so each reader reports the same refusal.
 */
export function sharedProbePgSession(input: Omit<PgSessionInput, 'signal'>): SharedProbePgSession {
  let client: Promise<ProbePgClient> | undefined;
  let connected: Promise<pg.Client> | undefined;
  /** why an earlier reader's signal ended the session (its deadline, or what the server sent) */
  let endedBy: string | null = null;
  const connect = async () => {
    client = openProbePgClient(input);
    const session = await client;
    await session.client.connect();
    return session.client;
  };
  return {
    use: async (signal, fn) => {
      if (endedBy !== null) throw new Error(`the session ended when an earlier reader on it ${endedBy}`);
      connected ??= connect();
      // Ends the client even mid-connect, so an abandoned reader never leaves a socket behind.
      const end = () => {
        const reason: unknown = signal?.reason;
        endedBy ??= reason instanceof Error && reason.name !== 'AbortError' ? `stopped: ${reason.message}` : 'overran its deadline';
        void client?.then((s) => s.close()).catch(() => {});
      };
      if (signal?.aborted) end();
      signal?.addEventListener('abort', end, { once: true });
      try {
        return await fn(await connected);
      } finally {
        signal?.removeEventListener('abort', end);
      }
    },
    close: async () => {
      await client?.then((s) => s.close()).catch(() => {});
    },
  };
}
