import type { TlsScanObservation } from '../probes/observations/tls-scan';

/** The deep TLS enumeration as plain lines under the check table: protocols, then each protocol's suites. */
export function renderTlsSummary(tls: TlsScanObservation): string {
  const lines = [
    '',
    `TLS: ${tls.protocols.length ? tls.protocols.join(', ') : 'no protocol accepted'}${tls.preferredOrder === null ? '' : tls.preferredOrder ? ' (server order)' : ' (client order)'}`,
  ];
  for (const p of tls.protocols) lines.push(`  ${p}: ${(tls.cipherSuites[p] ?? []).join(' ')}`);
  if (tls.groups.length) lines.push(`  groups: ${tls.groups.join(' ')}`);
  if (tls.dhPrimeBits !== null) lines.push(`  DHE prime: ${tls.dhPrimeBits} bits`);
  if (tls.compression) lines.push('  compression: ON (CRIME)');
  if (tls.secureRenegotiation === false) lines.push('  secure renegotiation (RFC 5746): not supported');
  lines.push(`  ${tls.connections} connections${tls.complete ? '' : `, incomplete: ${tls.incompleteReason ?? 'unknown reason'}`}`);
  return lines.join('\n') + '\n';
}
