import type { EtcdObservation } from './observations/etcd';
import type { ProbeOutcome } from './observations/probe-outcome';
import { httpExchange } from './http-exchange';
import { probePlaintextPort } from './probe-plaintext-port';
import { plainHttpGet, recogniseHttp } from './recognise-http';

export interface EtcdProbeInput {
  host: string;
  port: number;
  clientCert?: { certPem: string; keyPem: string } | null;
  connectTimeoutMs: number;
  signal?: AbortSignal;
}

/** A key no one writes; count_only returns no key or value even if it existed. */
const authProbeBody = JSON.stringify({ key: Buffer.from('posture-probe/auth-check').toString('base64'), count_only: true });

/**
 * Probes an etcd client port: TLS, the same port in clear, a TLS request without a client certificate, and —
 * with Posture's client certificate when one is configured — an unauthenticated read of one of Posture's own keys
 * through the v3 JSON gateway. Only GET /version and a count-only range are sent: nothing is written.
 */
export async function probeEtcd(input: EtcdProbeInput): Promise<ProbeOutcome<EtcdObservation>> {
  const base = { host: input.host, port: input.port, connectTimeoutMs: input.connectTimeoutMs, signal: input.signal };
  try {
    const [bare, plaintext] = await Promise.all([
      httpExchange({ ...base, tls: true, method: 'GET', path: '/version' }),
      probePlaintextPort({ ...base, greeting: plainHttpGet(input.host, input.port, '/version'), recognise: recogniseHttp }),
    ]);
    const { handshake } = bare;
    const withoutClientCert = { status: bare.status, headers: {}, body: bare.body, error: bare.error };
    const tls = { port: input.port, handshake, error: handshake ? null : bare.error };
    const clientCertUsed = Boolean(input.clientCert);
    const obs: EtcdObservation = { tls, plaintext, withoutClientCert, clientCertUsed, version: null, unauthenticatedRead: null };
    if (!handshake) return { status: 'ok', data: obs };

    const served = withoutClientCert.status !== null;
    if (!served && !clientCertUsed) return { status: 'ok', data: obs };
    const version = clientCertUsed ? await httpExchange({ ...base, tls: true, clientCert: input.clientCert, method: 'GET', path: '/version' }) : bare;
    try {
      obs.version = version.status === 200 ? (JSON.parse(version.body ?? '{}') as { etcdserver?: string }).etcdserver ?? null : null;
    } catch {
      obs.version = null;
    }
    const read = await httpExchange({
      ...base, tls: true, clientCert: input.clientCert, method: 'POST', path: '/v3/kv/range', headers: { 'content-type': 'application/json' }, body: authProbeBody,
    });
    obs.unauthenticatedRead = { status: read.status, headers: {}, body: read.body, error: read.error };
    return { status: 'ok', data: obs };
  } catch (e) {
    return { status: 'error', message: e instanceof Error ? e.message : String(e) };
  }
}
