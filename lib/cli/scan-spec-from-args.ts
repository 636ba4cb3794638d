import { readFileSync } from 'node:fs';
import { defaultPolicy, type ScanSpec } from '../scan/scan-spec';
import type { BackupSource } from '../validations/target';
import type { ScanArgs } from './parse-scan-args';

/** The CLI's view of a target: everything comes from the URL and flags, nothing from a store. */
export function scanSpecFromArgs(args: ScanArgs): ScanSpec {
  const { url } = args;
  const backup: BackupSource | null = args.pgbackrestStanza
    ? { source: 'pgbackrest', stanza: args.pgbackrestStanza, configPath: args.pgbackrestConfig ?? undefined }
    : args.dumpDir
      ? { source: 'dump-dir', dir: args.dumpDir }
      : null;
  const password = url.password ? decodeURIComponent(url.password) : null;
  return {
    engine: 'postgresql',
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : 5432,
    database: decodeURIComponent(url.pathname.replace(/^\//, '')) || null,
    username: url.username ? decodeURIComponent(url.username) : null,
    password,
    passwordSource: password ? 'posture' : null,
    rotatedAt: args.passwordRotatedAt,
    caPem: args.caFile ? readFileSync(args.caFile, 'utf8') : null,
    allowPlaintextLogin: false,
    kubernetes: args.namespace
      ? { namespace: args.namespace, context: args.context ?? undefined, podSelector: args.selector ?? undefined, pvcNames: args.pvcNames.length ? args.pvcNames : undefined }
      : null,
    kube: { kubeconfigPath: args.kubeconfig ?? undefined, context: args.context ?? undefined },
    backup,
    policy: defaultPolicy,
    timeouts: { connectMs: Math.min(5_000, args.timeoutSeconds * 1000), probeMs: args.timeoutSeconds * 1000 },
  };
}
