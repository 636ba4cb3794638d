import 'server-only';
import type { CustodyPolicy } from './custody-policy';
import { isPostureOwnVariable } from './posture-own-variables';

/** Why a passwordFromEnv name may not be used, or null when the admin's policy allows it. */
export function envReferenceRefusal(name: string, policy: CustodyPolicy): string | null {
  if (isPostureOwnVariable(name)) return `${name} is one of Posture's own variables, which are never used as a target's password`;
  if (!policy.envPrefixes.some((p) => name.startsWith(p))) {
    const allowed = policy.envPrefixes.length ? policy.envPrefixes.map((p) => `${p}*`).join(', ') : 'none';
    return `${name} is not allowed by the credential policy (allowed: ${allowed}; an admin sets this in Settings → Security)`;
  }
  return null;
}

/** Why a Secret in this namespace may not be read for a password, or null when the admin's policy allows it. */
export function secretNamespaceRefusal(namespace: string | undefined, policy: CustodyPolicy): string | null {
  if (!namespace) return 'names no namespace, and the target has no Kubernetes namespace to read it from';
  if (!policy.secretNamespaces.includes(namespace)) {
    const allowed = policy.secretNamespaces.length ? policy.secretNamespaces.join(', ') : 'none yet';
    return `namespace ${namespace} is not allowed by the credential policy (allowed: ${allowed}; an admin sets this in Settings → Security)`;
  }
  return null;
}
