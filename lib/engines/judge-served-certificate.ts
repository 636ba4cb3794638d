import type { CertificateObservation } from '../probes/observations/certificate';
import type { ProbeOutcome } from '../probes/observations/probe-outcome';
import type { TlsHandshake } from '../probes/observations/transport';
import { probeCertificate } from '../probes/probe-certificate';
import type { ScanSpec } from '../scan/scan-spec';

/** The certificate checks judge whatever chain the engine's TLS listener served, exactly as for PostgreSQL. */
export function judgeServedCertificate<T>(spec: ScanSpec, outcome: ProbeOutcome<T>, handshake: (d: T) => TlsHandshake | null): ProbeOutcome<CertificateObservation> {
  if (outcome.status !== 'ok') return outcome;
  return probeCertificate({ host: spec.tlsServerName ?? spec.host, chainPem: handshake(outcome.data)?.chainPem ?? [], caPem: spec.caPem });
}
