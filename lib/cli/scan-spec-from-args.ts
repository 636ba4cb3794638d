import { readFileSync } from 'node:fs';
import { defaultPolicy, type ScanSpec } from '../scan/scan-spec';
import type { BackupSource } from '../validations/target';
import { engineDefinition } from '../engines/engine-registry';
import type { ScanArgs, ScanEngine } from './parse-scan-args';

/** The scheme's own port where it has one (amqp 5672 vs amqps 5671), else the engine's default. */
function defaultPort(url: URL, engine: ScanEngine): number {
  const definition = engineDefinition(engine);
  return definition.urlSchemes.find((u) => u.scheme === url.protocol)?.port ?? definition.defaultPort;
}

/** The CLI's view of a target: everything comes from the URL and flags, nothing from a store. */
export function scanSpecFromArgs(args: ScanArgs): ScanSpec {
  const { url } = args;
  const backup: BackupSource | null = args.pgbackrestStanza
    ? { source: 'pgbackrest', stanza: args.pgbackrestStanza, configPath: args.pgbackrestConfig ?? undefined }
    : args.dumpDir
      ? { source: 'dump-dir', dir: args.dumpDir }
      : null;
  const password = url.password ? decodeURIComponent(url.password) : null;
  const pg = args.engine === 'postgresql';
  return {
    engine: args.engine,
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : defaultPort(url, args.engine),
    database: pg ? decodeURIComponent(url.pathname.replace(/^\//, '')) || null : null,
    username: url.username ? decodeURIComponent(url.username) : null,
    password,
    passwordSource: password ? 'posture' : null,
    rotatedAt: args.passwordRotatedAt,
    caPem: args.caFile ? readFileSync(args.caFile, 'utf8') : null,
    tlsServerName: args.serverName,
    tlsPinSha256: args.pin,
    allowPlaintextLogin: false,
    kubernetes: args.namespace
      ? { namespace: args.namespace, context: args.context ?? undefined, podSelector: args.selector ?? undefined, pvcNames: args.pvcNames.length ? args.pvcNames : undefined }
      : null,
    kube: { kubeconfigPath: args.kubeconfig ?? undefined, context: args.context ?? undefined },
    backup,
    policy: defaultPolicy,
    timeouts: { connectMs: Math.min(5_000, args.timeoutSeconds * 1000), probeMs: args.timeoutSeconds * 1000 },
    tags: args.tags,
    clientCert: args.certFile && args.keyFile ? { certPem: readFileSync(args.certFile, 'utf8'), keyPem: readFileSync(args.keyFile, 'utf8') } : null,
  };
}
