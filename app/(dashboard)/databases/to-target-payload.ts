import type { DatabaseFormValues } from './database-form-values';

/** Which API error path lands on which form control. */
export const fieldPaths: Record<keyof DatabaseFormValues, string> = {
  name: 'name',
  engine: 'engine',
  host: 'host',
  port: 'port',
  database: 'database',
  environment: 'environment',
  ownerTeam: 'ownerTeam',
  ownerEmail: 'ownerEmail',
  service: 'service',
  tags: 'tags',
  criticality: 'criticality',
  username: 'credential.username',
  password: 'credential.password',
  k8sNamespace: 'kubernetes.namespace',
  k8sContext: 'kubernetes.context',
  k8sPodSelector: 'kubernetes.podSelector',
  k8sPvcNames: 'kubernetes.pvcNames',
  k8sPasswordSecretName: 'kubernetes.passwordSecret.name',
  k8sPasswordSecretKey: 'kubernetes.passwordSecret.key',
  k8sTlsSecretName: 'kubernetes.tlsSecret.name',
  backupSource: 'backup.source',
  backupStanza: 'backup.stanza',
  backupConfigPath: 'backup.configPath',
  backupCommand: 'backup.command',
  backupDir: 'backup.dir',
  backupCronNamespace: 'backup.namespace',
  backupCronName: 'backup.name',
};

const list = (s: string) =>
  s
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());

function kubernetes(v: DatabaseFormValues) {
  const secretSet = v.k8sPasswordSecretName.trim() !== '' || v.k8sPasswordSecretKey.trim() !== '';
  const refs = {
    namespace: v.k8sNamespace.trim(),
    context: opt(v.k8sContext),
    podSelector: opt(v.k8sPodSelector),
    pvcNames: list(v.k8sPvcNames).length ? list(v.k8sPvcNames) : undefined,
    passwordSecret: secretSet ? { name: v.k8sPasswordSecretName.trim(), key: v.k8sPasswordSecretKey.trim() } : undefined,
    tlsSecret: opt(v.k8sTlsSecretName) ? { name: v.k8sTlsSecretName.trim() } : undefined,
  };
  const any = refs.namespace !== '' || Object.entries(refs).some(([k, val]) => k !== 'namespace' && val !== undefined);
  return any ? refs : null;
}

function backup(v: DatabaseFormValues) {
  switch (v.backupSource) {
    case 'pgbackrest':
      return { source: 'pgbackrest', stanza: v.backupStanza.trim(), configPath: opt(v.backupConfigPath), command: opt(v.backupCommand) };
    case 'dump-dir':
      return { source: 'dump-dir', dir: v.backupDir.trim() };
    case 'cronjob':
      return { source: 'cronjob', namespace: opt(v.backupCronNamespace), name: v.backupCronName.trim() };
    default:
      return null;
  }
}

/**
 * The request body for POST (create) or PATCH (edit). On edit an empty Kubernetes or Backup section
 * is sent as null only when the target had one, so an untouched section is never rewritten.
 */
export function toTargetPayload(v: DatabaseFormValues, mode: 'create' | 'edit', had?: { kubernetes: boolean; backup: boolean }) {
  const port = /^\d+$/.test(v.port.trim()) ? Number(v.port.trim()) : v.port;
  const body: Record<string, unknown> = {
    name: v.name,
    engine: v.engine,
    host: v.host,
    port,
    database: v.database,
    environment: v.environment,
    ownerTeam: v.ownerTeam,
    ownerEmail: v.ownerEmail,
    service: v.service,
    tags: list(v.tags),
    criticality: v.criticality,
  };
  const k8s = kubernetes(v);
  const bk = backup(v);
  if (k8s) body.kubernetes = k8s;
  else if (mode === 'edit' && had?.kubernetes) body.kubernetes = null;
  if (bk) body.backup = bk;
  else if (mode === 'edit' && had?.backup) body.backup = null;
  if (mode === 'create' && (v.username.trim() !== '' || v.password !== '')) {
    body.credential = { username: v.username, ...(v.password !== '' ? { password: v.password } : {}) };
  }
  return body;
}
