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
    '7.2.2': 'Access assigned on least privilege',
    '8.3.1': 'All user access authenticated',
    '10.2.1': 'Audit logs enabled and active',
    '10.2.2': 'Audit logs record user, event, time, outcome and origin',
    '10.3.2': 'Audit log files protected from modification',
  },
  'SOC 2': {
    'A1.2': 'Backup, recovery and availability infrastructure',
    'CC6.1': 'Logical access security',
    'CC6.6': 'Protection against threats from outside the system boundary',
    'CC6.3': 'Access granted on least privilege and segregation of duties',
    'CC6.7': 'Data protected in transmission and movement',
    'CC6.8': 'Unauthorized or malicious software prevented or detected',
    'CC7.1': 'Detection of configuration changes and new vulnerabilities',
    'CC7.2': 'System components monitored for anomalies',
    'CC7.5': 'Recovery from identified security incidents',
  },
  // Section numbers of the CIS PostgreSQL 16 Benchmark (v1.0.0), as the first checks cite them.
  'CIS PostgreSQL': {
    '3.1.2': 'Log destinations set correctly',
    '3.1.3': 'Logging collector enabled',
    '3.1.6': 'Log file permissions set correctly',
    '3.1.14': 'Correct messages written to the server log',
    '3.1.15': 'SQL statements generating errors recorded',
    '3.1.20': 'log_connections enabled',
    '3.1.21': 'log_disconnections enabled',
    '3.1.24': 'log_line_prefix set correctly',
    '3.1.25': 'log_statement set correctly',
    '3.2': 'pgAudit extension enabled',
    '4.2': 'Excessive administrative privileges revoked',
    '4.3': 'Excessive function privileges revoked',
    '4.5': 'Row-level security configured correctly',
    '4.7': 'Predefined roles used',
    '4.8': 'Public schema protected',
    '5.1': 'Local (Unix socket) logins configured correctly',
    '5.2': 'Host (TCP/IP) logins configured correctly',
    '6.8': 'TLS enabled and configured correctly',
    '6.9': 'TLS 1.0 and 1.1 disabled',
    '6.10': 'Weak TLS ciphers disabled',
    '6.11': 'pgcrypto installed and configured',
    '7.3': 'Backups configured and functional',
    '7.4': 'WAL archived for point-in-time recovery',
  },
};

/**
 * Controls the seed's compliance tables claim that no check evidences yet. They are listed as "not automated"
 * rather than left out, so the report never implies they were verified.
 */
export const unautomatedControls: readonly (ComplianceRef & { note: string })[] = [];

export function controlName(ref: ComplianceRef): string {
  return controlNames[ref.framework][ref.control] ?? ref.control;
}

/** Orders "Art. 5(1)(f)" before "Art. 32(1)(a)" and "8.3.9" before "8.3.10": numbers compare as numbers. */
export function compareControls(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
