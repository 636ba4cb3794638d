import type { TLSSocket } from 'node:tls';
import { PGBACKREST_MAX_GREETING_BYTES } from './byte-limits';
import { ExactReader } from './exact-reader';
import type { PgBackRestServerObservation } from './observations/pgbackrest';
import type { ProbeOutcome } from './observations/probe-outcome';
import { describeHandshake, openTls } from './open-tls';
import { rethrowWireLimit } from './wire-limit-error';

export interface PgBackRestServerProbeInput {
  host: string;
  port: number;
  clientCert?: { certPem: string; keyPem: string } | null;
  connectTimeoutMs: number;
  /** how long an unauthenticated session may stay open after the greeting before it counts as open (default 1.5 s) */
  settleMs?: number;
  signal?: AbortSignal;
}

type Session = { greetingLine: string | null; closedAfterMs: number | null; error: string | null };

const endReason = (e: Error) => ((e as { code?: string }).code === 'ECLOSED' ? null : e.message);

/**
 * Reads the greeting line (at most PGBACKREST_MAX_GREETING_BYTES: a line without end fails the probe), then waits
 * `settleMs` to see whether the server closes the session. Sends nothing.
 */
async function watchSession(s: TLSSocket, timeoutMs: number, settleMs: number): Promise<Session> {
  const reader = new ExactReader(s);
  try {
    let line: Buffer;
    try {
      line = await reader.readLine(PGBACKREST_MAX_GREETING_BYTES, timeoutMs, 'pgBackRest greeting');
    } catch (e) {
      rethrowWireLimit(e);
      const error = e instanceof Error ? e : new Error(String(e));
      return { greetingLine: null, closedAfterMs: null, error: (error as { code?: string }).code === 'ETIMEDOUT' ? null : endReason(error) };
    }
    const greetedAt = Date.now();
    const greetingLine = line.toString('latin1', 0, line.length - 1).slice(0, 300);
    const ended = settleMs > 0 ? await reader.endedWithin(settleMs) : null;
    return { greetingLine, closedAfterMs: ended ? Date.now() - greetedAt : null, error: ended ? endReason(ended) : null };
  } finally {
    s.destroy();
  }
}

function parseGreeting(line: string | null): PgBackRestServerObservation['greeting'] {
  if (!line) return null;
  try {
    const g = JSON.parse(line) as Record<string, unknown>;
    const str = (k: string) => (typeof g[k] === 'string' ? (g[k] as string) : null);
    return { name: str('name'), service: str('service'), version: str('version') };
  } catch {
    return { name: null, service: null, version: null };
  }
}

/**
 * Probes a pgBackRest TLS server (`pgbackrest server`, tls-server-*): the handshake and served chain, then what a
 * client without a certificate gets. The probe only listens: no protocol command is ever sent.
 */
export async function probePgBackRestServer(input: PgBackRestServerProbeInput): Promise<ProbeOutcome<PgBackRestServerObservation>> {
  const base = { host: input.host, port: input.port, connectTimeoutMs: input.connectTimeoutMs, signal: input.signal };
  const obs: PgBackRestServerObservation = { tls: { port: input.port, handshake: null, error: null }, greeting: null, withoutClientCert: 'error', detail: null };
  let bare: TLSSocket;
  try {
    bare = await openTls(base);
  } catch (e) {
    obs.tls.error = e instanceof Error ? e.message : String(e);
    // A server that refuses the handshake outright without a client certificate still shows its chain to one with.
    if (!input.clientCert) return { status: 'ok', data: obs };
    try {
      const withCert = await openTls({ ...base, clientCert: input.clientCert });
      obs.tls = { port: input.port, handshake: describeHandshake(withCert), error: null };
      obs.greeting = parseGreeting((await watchSession(withCert, input.connectTimeoutMs, 0)).greetingLine);
      obs.withoutClientCert = 'handshake-refused';
      obs.detail = e instanceof Error ? e.message : String(e);
    } catch (e2) {
      rethrowWireLimit(e2);
      // TLS fails with and without a certificate: tls.error says why.
    }
    return { status: 'ok', data: obs };
  }
  obs.tls.handshake = describeHandshake(bare);
  input.signal?.addEventListener('abort', () => bare.destroy(), { once: true });
  const session = await watchSession(bare, input.connectTimeoutMs, input.settleMs ?? 1_500);
  obs.greeting = parseGreeting(session.greetingLine);
  if (session.greetingLine === null) {
    obs.withoutClientCert = session.error && /certificate/i.test(session.error) ? 'handshake-refused' : 'no-greeting';
    obs.detail = session.error;
  } else if (session.closedAfterMs !== null) {
    obs.withoutClientCert = 'closed-after-greeting';
    obs.detail = `closed ${session.closedAfterMs} ms after the greeting${session.error ? ` (${session.error})` : ''}`;
  } else {
    obs.withoutClientCert = 'session-open';
    obs.detail = `still open ${input.settleMs ?? 1_500} ms after the greeting`;
  }
  return { status: 'ok', data: obs };
}
