import type { CertificateObservation } from '../probes/observations/certificate';
import type { Observations } from '../probes/observations/observations';
import type { ProbeOutcome } from '../probes/observations/probe-outcome';
import type { TlsHandshake } from '../probes/observations/transport';
import { probeCertificate } from '../probes/probe-certificate';
import { probeEtcd } from '../probes/probe-etcd';
import { probePatroni } from '../probes/probe-patroni';
import { probePgBackRestServer } from '../probes/probe-pgbackrest-server';
import { probeRabbitMq } from '../probes/probe-rabbitmq';
import { probeRedis } from '../probes/probe-redis';
import type { ScanSpec } from './scan-spec';
import { targetTagPort } from './target-tag-port';

type Run = <T>(name: string, fn: (s: AbortSignal) => Promise<ProbeOutcome<T>>) => Promise<ProbeOutcome<T>>;
type EngineKey = 'redis' | 'etcd' | 'pgbackrestServer' | 'patroni' | 'rabbitmq';

/** Which Observations field holds each engine's own probe. */
export const engineObservationKey: Record<string, EngineKey> = { redis: 'redis', etcd: 'etcd', pgbackrest: 'pgbackrestServer', patroni: 'patroni', rabbitmq: 'rabbitmq' };

/** The engine probe's outcome when the target cannot be probed at all (unreachable). */
export function engineDown(engine: string, down: { status: 'error'; message: string }): Partial<Observations> {
  const key = engineObservationKey[engine];
  return key ? { [key]: down } : {};
}

/** The certificate checks judge whatever chain the engine's TLS listener served, exactly as for PostgreSQL. */
function certificateOf<T>(spec: ScanSpec, outcome: ProbeOutcome<T>, handshake: (d: T) => TlsHandshake | null): ProbeOutcome<CertificateObservation> {
  if (outcome.status !== 'ok') return outcome;
  return probeCertificate({ host: spec.tlsServerName ?? spec.host, chainPem: handshake(outcome.data)?.chainPem ?? [], caPem: spec.caPem });
}

/** Runs the engine's probe for a non-PostgreSQL target, and the certificate module over its handshake. */
export async function collectEngineObservations(spec: ScanSpec, run: Run): Promise<Partial<Observations>> {
  const connectTimeoutMs = spec.timeouts.connectMs;
  if (spec.engine === 'redis') {
    const plaintextPort = targetTagPort(spec.tags, 'plaintext-port') ?? 6379;
    const redis = await run('redis', (signal) =>
      probeRedis({
        host: spec.host, port: spec.port, plaintextPort, username: spec.username, password: spec.password,
        trust: { caPem: spec.caPem, serverName: spec.tlsServerName ?? spec.host, pinSha256: spec.tlsPinSha256 ?? null },
        credentialWithheld: spec.credentialWithheld ?? null,
        markedAsStore: spec.tags?.includes('store') ?? false, clientCert: spec.clientCert, connectTimeoutMs, signal,
      }),
    );
    return { redis, certificate: certificateOf(spec, redis, (d) => d.tls.handshake) };
  }
  if (spec.engine === 'etcd') {
    const etcd = await run('etcd', (signal) => probeEtcd({ host: spec.host, port: spec.port, clientCert: spec.clientCert, connectTimeoutMs, signal }));
    return { etcd, certificate: certificateOf(spec, etcd, (d) => d.tls.handshake) };
  }
  if (spec.engine === 'pgbackrest') {
    const pgbackrestServer = await run('pgbackrest server', (signal) => probePgBackRestServer({ host: spec.host, port: spec.port, clientCert: spec.clientCert, connectTimeoutMs, signal }));
    return { pgbackrestServer, certificate: certificateOf(spec, pgbackrestServer, (d) => d.tls.handshake) };
  }
  if (spec.engine === 'patroni') {
    const patroni = await run('patroni', (signal) => probePatroni({ host: spec.host, port: spec.port, clientCert: spec.clientCert, connectTimeoutMs, signal }));
    return { patroni, certificate: certificateOf(spec, patroni, (d) => d.tls.handshake) };
  }
  if (spec.engine === 'rabbitmq') {
    const rabbitmq = await run('rabbitmq', (signal) =>
      probeRabbitMq({
        host: spec.host, port: spec.port, plaintextPort: targetTagPort(spec.tags, 'plaintext-port') ?? 5672,
        managementPort: targetTagPort(spec.tags, 'management-port') ?? 15671,
        managementPlaintextPort: targetTagPort(spec.tags, 'management-plaintext-port') ?? 15672, connectTimeoutMs, signal,
      }),
    );
    // The management API takes administrator passwords, so the chain it serves is judged too.
    if (rabbitmq.status === 'ok' && rabbitmq.data.management.handshake) {
      const judged = certificateOf(spec, rabbitmq, (d) => d.management.handshake ?? null);
      rabbitmq.data.management.certificate = judged.status === 'ok' ? judged.data : null;
    }
    return { rabbitmq, certificate: certificateOf(spec, rabbitmq, (d) => d.tls.handshake) };
  }
  return {};
}
