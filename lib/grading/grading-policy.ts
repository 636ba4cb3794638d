import type { CheckStatus, Severity } from '../checks/check-definition';
import type { Grade } from './grade-bands';

/**
 * The grading policy: the score's weights, the caps that limit a grade, and the fleet's caps. Every grade Posture
 * shows (pages, API, CLI, metrics, what-if plans) comes from this module, and docs/grading.md describes it; bump
 * the version whenever a rule changes, so stored grades and today's snapshots are recomputed at the next start.
 */
export const GRADING_POLICY_VERSION = 2;

/** Score = 100 × Σ weight × share / Σ weight over the checks that ran. */
export const severityWeight: Record<Severity, number> = { critical: 10, high: 5, medium: 3, low: 1, info: 0 };
/** What a status earns of its weight; skip is left out of the score altogether. */
export const earnedShare: Record<Exclude<CheckStatus, 'skip'>, number> = { pass: 1, warn: 0.5, fail: 0, error: 0 };

export type CapRuleId = 'no-protection' | 'critical-failed' | 'critical-unverified' | 'high-failed' | 'identity-unverified';

export interface CapRule {
  id: CapRuleId;
  maxGrade: Grade;
  /** a short label for badges and the CLI ("capped at B by …") */
  label: string;
  /** why the rule exists, for docs/grading.md and the /grading page */
  why: string;
}

/**
 * Failing checks that mean no protection at all, whatever the score: the grade is F. A check may also mark one of
 * its failing verdicts as such (cap 'F'), where only some failures are (an expired certificate, not an expiring one).
 */
export const noProtectionChecks: Readonly<Record<string, string>> = {
  'target.reachable': 'the target cannot be reached, so nothing about it is known',
  'pg.tls.enabled': 'PostgreSQL offers no TLS: everything, passwords included, crosses the network in clear',
  'pg.hba.no_trust': 'pg_hba.conf lets TCP clients in without any password (trust)',
  'redis.tls.enabled': 'Redis offers no TLS on its port',
  'redis.auth.required': 'Redis answers without any password',
  'rabbitmq.amqps.enabled': 'RabbitMQ offers no AMQPS',
  'rabbitmq.guest.restricted': 'RabbitMQ lets guest/guest, a public default password, in from the network',
  'patroni.tls.enabled': 'the Patroni REST API offers no TLS',
  'patroni.auth.unsafe_endpoints': 'anyone who reaches Patroni can fail the cluster over or rewrite its configuration',
  'etcd.tls.enabled': 'etcd offers no TLS',
  'etcd.auth.enabled': 'etcd serves its keys without authentication',
  'pgbackrest.tls.enabled': 'the pgBackRest server offers no TLS',
};

/** Checks that mark only some of their failing verdicts as no protection (cap 'F' on the verdict), and when. */
export const markedNoProtectionChecks: Readonly<Record<string, string>> = {
  'pg.tls.required': 'password logins are accepted without TLS, or without a password at all',
  'cert.expiry': 'the certificate has expired (an expiring one is a failing critical check: D)',
  'redis.plaintext.closed': 'password logins on a plaintext Redis port travel in clear',
  'rabbitmq.plaintext.closed': 'clients log in with passwords in clear on a plaintext AMQP port',
  'patroni.tls.enabled': 'its basic-auth password travels in clear',
  'target.reachable': 'the target cannot be reached',
};

/** Checks that prove the server is the one meant (SSL Labs marks these T and M and never shows them as A). */
export const identityChecks: readonly string[] = ['cert.trusted', 'cert.hostname'];

/** The cap rules, most restrictive first. A grade is the score's band, lowered to the lowest maxGrade of the rules that apply. */
export const capRules: readonly CapRule[] = [
  { id: 'no-protection', maxGrade: 'F', label: 'no protection', why: 'A failure that leaves the database unprotected (no TLS, no password, an expired certificate, plaintext password logins, unreachable) is an F whatever else is right.' },
  { id: 'critical-failed', maxGrade: 'D', label: 'a failing critical check', why: 'A failing critical check is an incident waiting to happen; nothing else can make up for it.' },
  { id: 'critical-unverified', maxGrade: 'B', label: 'unverified', why: 'When Posture could not tell the result of a critical check (it errored, or the credential was withheld), an unknown must never look good.' },
  { id: 'high-failed', maxGrade: 'B', label: 'a failing high check', why: 'A failing high check (TLS below 1.2 accepted, md5 passwords, a weak key or SHA-1 signature, …) keeps the grade out of the A range.' },
  { id: 'identity-unverified', maxGrade: 'B', label: 'an unverified server identity', why: 'A chain that does not lead to a trusted anchor, or a certificate for another name, means clients cannot tell this server from an impostor.' },
];

export interface CapInput {
  id: string;
  severity: Severity;
  status: CheckStatus;
  /** the check marked this failing verdict as "no protection" */
  cap?: 'F';
}

/** Which cap rule one check result triggers, if any (the most restrictive one). */
export function capRuleFor(r: CapInput): CapRuleId | null {
  if (r.status === 'fail' && (r.cap === 'F' || Object.hasOwn(noProtectionChecks, r.id))) return 'no-protection';
  if (r.status === 'fail' && r.severity === 'critical') return 'critical-failed';
  if (r.status === 'error' && r.severity === 'critical') return 'critical-unverified';
  if (r.status === 'fail' && r.severity === 'high') return 'high-failed';
  if (r.status === 'fail' && identityChecks.includes(r.id)) return 'identity-unverified';
  return null;
}

export type FleetCapRuleId = 'fleet-half-failing' | 'fleet-quarter-failing' | 'fleet-important-failing';

export interface FleetCapRule {
  id: FleetCapRuleId;
  maxGrade: Grade;
  label: string;
  why: string;
}

/** The fleet grade is the criticality-weighted mean, lowered by its worst members. */
export const fleetCapRules: readonly FleetCapRule[] = [
  { id: 'fleet-half-failing', maxGrade: 'D', label: 'half the databases at F', why: 'When half the graded databases are F, the fleet is failing, whatever the rest average.' },
  { id: 'fleet-quarter-failing', maxGrade: 'C', label: 'a quarter of the databases at F', why: 'A fleet in which a quarter or more of the graded databases are F cannot read better than C.' },
  { id: 'fleet-important-failing', maxGrade: 'B-', label: 'a high-criticality database at F', why: 'One database that matters (criticality high or critical) at F caps the fleet at B−, however many healthy ones surround it.' },
];

/** The shares behind the fleet caps. */
export const fleetFailingShare = { half: 0.5, quarter: 0.25 } as const;
export const importantCriticalities: readonly string[] = ['high', 'critical'];
