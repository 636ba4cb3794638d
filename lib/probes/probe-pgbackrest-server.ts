import type { TLSSocket } from 'node:tls';
import type { PgBackRestServerObservation, ProbeOutcome } from './observations';
import { describeHandshake, openTls } from './open-tls';

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

/** Reads the greeting line, then waits `settleMs` to see whether the server closes the session. Sends nothing. */
function watchSession(s: TLSSocket, timeoutMs: number, settleMs: number): Promise<Session> {
  return new Promise((resolve) => {
    let buf = '';
    let greetingLine: string | null = null;
    let greetedAt = 0;
    let settled = false;
    const done = (closed: boolean, error: string | null = null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      s.destroy();
      resolve({ greetingLine, closedAfterMs: closed && greetingLine !== null ? Date.now() - greetedAt : null, error });
    };
    let timer = setTimeout(() => done(false), timeoutMs);
    s.on('data', (b: Buffer) => {
      if (greetingLine !== null) return;
      buf += b.toString('latin1');
      const nl = buf.indexOf('\n');
      if (nl < 0) return;
      greetingLine = buf.slice(0, nl).slice(0, 300);
      greetedAt = Date.now();
      clearTimeout(timer);
      timer = setTimeout(() => done(false), settleMs);
    });
    s.on('close', () => done(true));
    s.on('error', (e) => done(true, e.message));
  });
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
    } catch {
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
