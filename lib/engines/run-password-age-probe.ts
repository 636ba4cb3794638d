import { passwordMinLength } from '../checks/passwords/check-password-strength';
import type { PasswordAgeObservation } from '../probes/observations/password-age';
import type { ProbeOutcome } from '../probes/observations/probe-outcome';
import { probePasswordAge } from '../probes/probe-password-age';
import { readK8sSecretAge } from '../probes/read-k8s-secret-age';
import type { ScanSpec } from '../scan/scan-spec';
import type { RunProbe } from './engine-definition';

/**
 * The rotation record of the target's credential (Posture's own, else the Kubernetes Secret's last write), and for
 * PostgreSQL the role's rolvaliduntil: the same for every engine whose clients log in with a password.
 */
export function runPasswordAgeProbe(spec: ScanSpec, run: RunProbe, validUntil: string | null): Promise<ProbeOutcome<PasswordAgeObservation>> {
  const secretRef = spec.kubernetes?.passwordSecret;
  const namespace = spec.kubernetes?.namespace;
  return run('password age', (s) =>
    probePasswordAge({
      rotatedAt: spec.rotatedAt,
      secretWrittenAt: secretRef && namespace ? () => readK8sSecretAge({ namespace, name: secretRef.name }, spec.kube, s) : null,
      validUntil,
      policyDays: spec.policy.passwordMaxAgeDays,
      secretLongEnough: spec.password !== null ? [...spec.password].length >= passwordMinLength : null,
    }),
  );
}
