import { z } from 'zod';

/** The Setting row that holds these. */
export const DISCOVERY_SETTINGS_KEY = 'discovery';

const namespaceName = z
  .string()
  .trim()
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a namespace name (lower-case, digits, -)')
  .max(63);

const namespaceList = z
  .array(namespaceName)
  .max(200, 'at most 200 namespaces')
  .transform((list) => [...new Set(list)].sort());

export const discoverySettingsSchema = z
  .object({
    /** the kubeconfig context to read; the kubeconfig's current-context when absent */
    context: z
      .string()
      .trim()
      .max(253)
      .transform((v) => (v === '' ? null : v))
      .nullable()
      .default(null),
    /** only these namespaces are read; every namespace when empty */
    namespaces: namespaceList.default([]),
    /** new workloads found in these namespaces become inventory targets without review */
    autoAddNamespaces: namespaceList.default([]),
  })
  .strict();

export type DiscoverySettings = z.output<typeof discoverySettingsSchema>;
export type DiscoverySettingsInput = z.input<typeof discoverySettingsSchema>;
