import type { TlsEnumeration } from '../probes/tls-scan/enumerate-tls';

/** The deep TLS enumeration as plain lines under the check table: protocols, then each protocol's suites. */
export function renderTlsSummary(tls: TlsEnumeration): string {
  const lines = [
    '',
    `TLS: ${tls.protocols.length ? tls.protocols.join(', ') : 'no protocol accepted'}${tls.preferredOrder === null ? '' : tls.preferredOrder ? ' (server order)' : ' (client order)'}`,
  ];
  for (const p of tls.protocols) lines.push(`  ${p}: ${(tls.cipherSuites[p] ?? []).join(' ')}`);
  if (tls.groups.length) lines.push(`  groups: ${tls.groups.join(' ')}`);
  if (tls.compression) lines.push('  compression: ON (CRIME)');
  if (tls.secureRenegotiation === false) lines.push('  secure renegotiation (RFC 5746): not supported');
  lines.push(`  ${tls.connections} connections${tls.cut ? ', budget spent before the end' : ''}${tls.stopped ? `, stopped: ${tls.stopped}` : ''}`);
  return lines.join('\n') + '\n';
}
