import 'server-only';
import { envSchema, variableSchemas } from '../env';

/** Prefixes of variables Posture itself (or a library it runs) reads for its own configuration or credentials. */
const ownPrefixes = ['POSTURE_', 'NEXTAUTH_', 'AWS_', 'NODE_', 'NPM_'];
const ownNames = new Set(['DATABASE_URL', 'KUBECONFIG', 'HOME', 'PATH']);
/** libpq's own variables (PGPASSWORD, PGPASSFILE, PGSSLKEY…): PG and letters, no underscore */
const libpqVariable = /^PG[A-Z]+$/;
const targetPrefix = 'POSTURE_TARGET_';

/**
 * Whether a variable belongs to Posture rather than to a target: its master key, session secret, store URL, cloud
 * and cluster credentials. These are never released as a target's password, whatever the allow-list says.
 */
export function isPostureOwnVariable(name: string): boolean {
  const upper = name.toUpperCase();
  if (Object.hasOwn(envSchema.shape, name) || Object.hasOwn(variableSchemas, name) || ownNames.has(upper)) return true;
  if (upper.startsWith(targetPrefix)) return false;
  return libpqVariable.test(upper) || ownPrefixes.some((p) => upper.startsWith(p));
}
