import { z } from 'zod';
import { absolutePathSchema as absolutePath, programSchema as programName } from '../validations/file-path';

/** The Setting row that holds what editors may point Posture's secrets and executables at. */
export const CUSTODY_POLICY_KEY = 'custody.policy';

const envPrefix = z
  .string()
  .trim()
  .min(2, 'must be at least 2 characters')
  .max(64)
  .regex(/^[A-Z][A-Z0-9_]*$/, 'must be the start of an environment variable name (A-Z, 0-9, _), e.g. POSTURE_TARGET_');

const namespace = z
  .string()
  .trim()
  .max(63)
  .regex(/^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/, 'must be a namespace name (lower-case, digits, -)');

const uniqueSorted = <T extends z.ZodType<string>>(item: T, max: number, label: string) =>
  z
    .array(item)
    .max(max, `at most ${max} ${label}`)
    .transform((list) => [...new Set(list as string[])].sort());

export const custodyPolicySchema = z
  .object({
    /** passwordFromEnv may name only variables starting with one of these; Posture's own variables never */
    envPrefixes: uniqueSorted(envPrefix, 20, 'prefixes').default(['POSTURE_TARGET_']),
    /** passwordFromSecret may read only Secrets in these namespaces (the shipped RBAC grants exactly these) */
    secretNamespaces: uniqueSorted(namespace, 200, 'namespaces').default([]),
    /** the executables a pgBackRest backup source may run */
    backupCommands: uniqueSorted(programName, 20, 'commands').default(['pgbackrest']),
    /** pgBackRest config files a backup source may name must lie under one of these folders */
    pgbackrestConfigRoots: uniqueSorted(absolutePath, 50, 'folders').default(['/etc/pgbackrest']),
    /** dump-dir backup sources must lie under one of these folders */
    dumpRoots: uniqueSorted(absolutePath, 50, 'folders').default([]),
  })
  .strict();

export type CustodyPolicy = z.output<typeof custodyPolicySchema>;
export type CustodyPolicyInput = z.input<typeof custodyPolicySchema>;
