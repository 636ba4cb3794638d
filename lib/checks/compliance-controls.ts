import type { ComplianceRef } from './check-definition';

export type Framework = ComplianceRef['framework'];

/** Report order: the regulations first, the technical benchmark last. */
export const frameworks: readonly Framework[] = ['GDPR', 'PCI-DSS', 'SOC 2', 'CIS PostgreSQL'];

/** Short human names for every control the catalog refers to (and a few it cannot evidence yet). */
export const controlNames: Record<Framework, Record<string, string>> = {
  GDPR: {
    'Art. 5(1)(f)': 'Integrity and confidentiality',
    'Art. 32': 'Security of processing',
    'Art. 32(1)(a)': 'Security of processing: encryption',
    'Art. 32(1)(b)': 'Security of processing: confidentiality, integrity, availability and resilience',
    'Art. 32(1)(c)': 'Security of processing: restore access to data in a timely manner',
    'Art. 33': 'Breach notification',
  },
  'PCI-DSS': {
    '1.3.1': 'Inbound traffic to the cardholder data environment is restricted',
    '2.2.2': 'Vendor default accounts disabled, removed or given a changed password',
    '2.2.6': 'System security parameters configured to prevent misuse',
    '3.6.1': 'Cryptographic keys protected against disclosure and misuse',
    '6.3.3': 'Security patches and updates installed',
    '7.2.1': 'Access granted on least privilege',
    '3.5.1': 'Stored account data is unreadable wherever it is stored',
    '4.2.1': 'Strong cryptography protects data in transit',
    '8.3.2': 'Authentication factors unreadable in transit and storage',
    '8.3.6': 'Passwords meet minimum length and complexity',
    '8.3.9': 'Passwords changed at least every 90 days',
    '8.6.3': 'System account passwords protected against misuse and rotated',
    '10.2.1': 'Audit logs enabled and active',
  },
  'SOC 2': {
    'A1.2': 'Backup, recovery and availability infrastructure',
    'CC6.1': 'Logical access security',
    'CC6.6': 'Protection against threats from outside the system boundary',
    'CC6.7': 'Data protected in transmission and movement',
    'CC7.1': 'Detection of configuration changes and new vulnerabilities',
    'CC7.2': 'System components monitored for anomalies',
    'CC7.5': 'Recovery from identified security incidents',
  },
  'CIS PostgreSQL': {
    '5.2': 'Host (TCP/IP) logins configured correctly',
    '6.8': 'TLS enabled and configured correctly',
    '6.9': 'TLS 1.0 and 1.1 disabled',
    '7.3': 'Backups configured and functional',
    '7.4': 'WAL archived for point-in-time recovery',
  },
};

/**
 * Controls the seed's compliance tables claim that no check evidences yet. They are listed as "not automated"
 * rather than left out, so the report never implies they were verified.
 */
export const unautomatedControls: readonly (ComplianceRef & { note: string })[] = [
  { framework: 'GDPR', control: 'Art. 33', note: 'Needs audit logs for breach detection; Posture does not inspect database audit logging yet.' },
  { framework: 'PCI-DSS', control: '10.2.1', note: 'Needs database audit logging (log_connections, log_statement); not probed yet.' },
];

export function controlName(ref: ComplianceRef): string {
  return controlNames[ref.framework][ref.control] ?? ref.control;
}

/** Orders "Art. 5(1)(f)" before "Art. 32(1)(a)" and "8.3.9" before "8.3.10": numbers compare as numbers. */
export function compareControls(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
