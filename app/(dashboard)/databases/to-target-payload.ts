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
  caPem: 'caPem',
  tlsServerName: 'tlsServerName',
  passwordMaxAgeDays: 'passwordMaxAgeDays',
  backupMaxAgeHours: 'backupMaxAgeHours',
  allowPlaintextLogin: 'allowPlaintextLogin',
};

const list = (s: string) =>
  s
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());

/** Empty means "the default" (null); anything that is not a whole number goes as typed, for the server to name. */
const wholeOrNull = (s: string) => (s.trim() === '' ? null : /^\d+$/.test(s.trim()) ? Number(s.trim()) : s.trim());

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

/** What the target had before the edit, so untouched parts are left out of the PATCH. */
export interface PreviousTarget {
  kubernetes: boolean;
  backup: boolean;
  allowPlaintextLogin?: boolean;
}

/**
 * The request body for POST (create) or PATCH (edit). On edit an empty Kubernetes or Backup section
 * is sent as null only when the target had one, so an untouched section is never rewritten.
 * allowPlaintextLogin goes only when it changed: it needs an admin, and an editor's save must not carry it.
 */
export function toTargetPayload(v: DatabaseFormValues, mode: 'create' | 'edit', had?: PreviousTarget) {
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
  // On edit an empty box is sent ('' / null) so it clears; on create it is simply left out.
  const ca = v.caPem.trim() === '' ? '' : v.caPem;
  const passwordAge = wholeOrNull(v.passwordMaxAgeDays);
  const backupAge = wholeOrNull(v.backupMaxAgeHours);
  if (mode === 'edit' || ca !== '') body.caPem = ca;
  if (mode === 'edit' || v.tlsServerName.trim() !== '') body.tlsServerName = v.tlsServerName.trim();
  if (mode === 'edit' || passwordAge !== null) body.passwordMaxAgeDays = passwordAge;
  if (mode === 'edit' || backupAge !== null) body.backupMaxAgeHours = backupAge;
  if (v.allowPlaintextLogin !== (had?.allowPlaintextLogin ?? false)) body.allowPlaintextLogin = v.allowPlaintextLogin;
  if (mode === 'create' && (v.username.trim() !== '' || v.password !== '')) {
    body.credential = { username: v.username, ...(v.password !== '' ? { password: v.password } : {}) };
  }
  // On edit a password goes only when typed: it re-binds the credential to a moved endpoint in the same request.
  if (mode === 'edit' && v.password !== '') body.credential = { username: v.username, password: v.password };
  return body;
}
