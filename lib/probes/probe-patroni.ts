import type { PatroniObservation } from './observations/patroni';
import type { ProbeOutcome } from './observations/probe-outcome';
import { httpExchange } from './http-exchange';
import { probePlaintextPort } from './probe-plaintext-port';
import { plainHttpGet, recogniseHttp } from './recognise-http';

export interface PatroniProbeInput {
  host: string;
  port: number;
  clientCert?: { certPem: string; keyPem: string } | null;
  connectTimeoutMs: number;
  signal?: AbortSignal;
}

/**
 * Unsafe endpoints probed without credentials, each with a body that is not JSON. Patroni runs its access check
 * (allowlist, client certificate, basic auth) before reading the body, and these handlers return on a body they
 * cannot parse. POST /reinitialize is left out on purpose: Patroni 3.0 reinitializes even when its body fails to parse.
 */
export const patroniUnsafeCalls: { method: 'PATCH' | 'PUT' | 'POST'; path: string }[] = [
  { method: 'PATCH', path: '/config' },
  { method: 'PUT', path: '/config' },
  { method: 'POST', path: '/switchover' },
  { method: 'POST', path: '/failover' },
];
export const patroniProbeBody = 'posture-probe: this body is deliberately not JSON';

/** Probes a Patroni REST API: TLS, the port in clear, GET /patroni, and the access check on unsafe endpoints. */
export async function probePatroni(input: PatroniProbeInput): Promise<ProbeOutcome<PatroniObservation>> {
  const base = { host: input.host, port: input.port, connectTimeoutMs: input.connectTimeoutMs, signal: input.signal };
  try {
    const [get, plaintext] = await Promise.all([
      httpExchange({ ...base, tls: true, clientCert: input.clientCert, method: 'GET', path: '/patroni' }),
      probePlaintextPort({ ...base, greeting: plainHttpGet(input.host, input.port, '/patroni'), recognise: recogniseHttp }),
    ]);
    const tls = { port: input.port, handshake: get.handshake, error: get.handshake ? null : get.error };
    let version: string | null = null;
    let scope: string | null = null;
    try {
      const body = JSON.parse(get.body ?? '') as { patroni?: { version?: unknown; scope?: unknown } };
      version = typeof body.patroni?.version === 'string' ? body.patroni.version : null;
      scope = typeof body.patroni?.scope === 'string' ? body.patroni.scope : null;
    } catch {
      // not JSON: the status alone is recorded
    }
    const obs: PatroniObservation = { tls, plaintext, status: { httpStatus: get.status, version, scope, error: get.error }, unsafeCalls: [] };
    // Unsafe calls go only where the probe can see who answers: over TLS, or in clear when TLS is absent.
    const overTls = Boolean(get.handshake);
    if (!overTls && plaintext.answer !== 'speaks-protocol') return { status: 'ok', data: obs };
    for (const call of patroniUnsafeCalls) {
      const r = await httpExchange({ ...base, tls: overTls, method: call.method, path: call.path, headers: { 'content-type': 'application/json' }, body: patroniProbeBody });
      obs.unsafeCalls.push({ ...call, httpStatus: r.status, answer: (r.body ?? r.error ?? '').trim().slice(0, 160) || null });
    }
    return { status: 'ok', data: obs };
  } catch (e) {
    return { status: 'error', message: e instanceof Error ? e.message : String(e) };
  }
}
