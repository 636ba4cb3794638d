import type { Observations } from '../probes/observations/observations';

/** Anything that survives JSON.stringify unchanged: evidence is stored as JSON. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'error' | 'skip';
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export type CheckArea = 'availability' | 'tls' | 'certificate' | 'passwords' | 'storage' | 'backups' | 'hardening';

export interface ComplianceRef {
  framework: 'CIS PostgreSQL' | 'GDPR' | 'PCI-DSS' | 'SOC 2';
  control: string;
}

export interface CheckVerdict {
  status: CheckStatus;
  /** one human line of the observed values, e.g. "notAfter 2026-11-28 (5 days left)" */
  summary: string;
  evidence: Record<string, JsonValue>;
  /** the verdict alone forces grade F (expired certificate, unreachable target, plaintext password login) */
  cap?: 'F';
}

export interface CheckDefinition {
  id: string;
  title: string;
  area: CheckArea;
  severity: Severity;
  why: string;
  evaluate: (obs: Observations) => CheckVerdict;
  remediation: string;
  compliance: ComplianceRef[];
}

export interface CheckResult {
  id: string;
  title: string;
  area: CheckArea;
  severity: Severity;
  status: CheckStatus;
  summary: string;
  evidence: Record<string, JsonValue>;
  remediation: string;
  compliance: ComplianceRef[];
  cap?: 'F';
}
