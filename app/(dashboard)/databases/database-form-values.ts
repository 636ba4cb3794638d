import type { TargetView } from '@/lib/services/targets/target-view';
import { defaultPortFor } from '@/lib/validations/target';

export type BackupChoice = 'none' | 'pgbackrest' | 'dump-dir' | 'cronjob';

/** Every form control exactly as entered (text as a string, the one checkbox as a boolean); conversion to the API shape happens on submit. */
export interface DatabaseFormValues {
  name: string;
  engine: TargetView['engine'];
  host: string;
  port: string;
  database: string;
  environment: string;
  ownerTeam: string;
  ownerEmail: string;
  service: string;
  tags: string;
  criticality: TargetView['criticality'];
  username: string;
  password: string;
  k8sNamespace: string;
  k8sContext: string;
  k8sPodSelector: string;
  k8sPvcNames: string;
  k8sPasswordSecretName: string;
  k8sPasswordSecretKey: string;
  k8sTlsSecretName: string;
  backupSource: BackupChoice;
  backupStanza: string;
  backupConfigPath: string;
  backupCommand: string;
  backupDir: string;
  backupCronNamespace: string;
  backupCronName: string;
  caPem: string;
  tlsServerName: string;
  passwordMaxAgeDays: string;
  backupMaxAgeHours: string;
  allowPlaintextLogin: boolean;
}

export function emptyDatabaseValues(): DatabaseFormValues {
  return {
    name: '',
    engine: 'postgresql',
    host: '',
    port: String(defaultPortFor('postgresql')),
    database: '',
    environment: 'production',
    ownerTeam: '',
    ownerEmail: '',
    service: '',
    tags: '',
    criticality: 'medium',
    username: '',
    password: '',
    k8sNamespace: '',
    k8sContext: '',
    k8sPodSelector: '',
    k8sPvcNames: '',
    k8sPasswordSecretName: '',
    k8sPasswordSecretKey: '',
    k8sTlsSecretName: '',
    backupSource: 'none',
    backupStanza: '',
    backupConfigPath: '',
    backupCommand: '',
    backupDir: '',
    backupCronNamespace: '',
    backupCronName: '',
    caPem: '',
    tlsServerName: '',
    passwordMaxAgeDays: '',
    backupMaxAgeHours: '',
    allowPlaintextLogin: false,
  };
}

const norm = (s: string) => s.trim().toLowerCase();

/** Whether the edit moves the target to another endpoint, which unbinds its stored credential on save. */
export function movesEndpoint(before: DatabaseFormValues, after: DatabaseFormValues): boolean {
  return (
    before.engine !== after.engine ||
    norm(before.host) !== norm(after.host) ||
    before.port.trim() !== after.port.trim() ||
    norm(before.tlsServerName) !== norm(after.tlsServerName) ||
    before.caPem.trim() !== after.caPem.trim()
  );
}

export function valuesFromTarget(t: TargetView): DatabaseFormValues {
  const k = t.kubernetes;
  const b = t.backup;
  return {
    ...emptyDatabaseValues(),
    name: t.name,
    engine: t.engine,
    host: t.host,
    port: String(t.port),
    database: t.database ?? '',
    environment: t.environment,
    ownerTeam: t.ownerTeam ?? '',
    ownerEmail: t.ownerEmail ?? '',
    service: t.service ?? '',
    tags: t.tags.join(', '),
    criticality: t.criticality,
    k8sNamespace: k?.namespace ?? '',
    k8sContext: k?.context ?? '',
    k8sPodSelector: k?.podSelector ?? '',
    k8sPvcNames: k?.pvcNames?.join(', ') ?? '',
    k8sPasswordSecretName: k?.passwordSecret?.name ?? '',
    k8sPasswordSecretKey: k?.passwordSecret?.key ?? '',
    k8sTlsSecretName: k?.tlsSecret?.name ?? '',
    backupSource: b?.source ?? 'none',
    backupStanza: b?.source === 'pgbackrest' ? b.stanza : '',
    backupConfigPath: b?.source === 'pgbackrest' ? (b.configPath ?? '') : '',
    backupCommand: b?.source === 'pgbackrest' ? (b.command ?? '') : '',
    backupDir: b?.source === 'dump-dir' ? b.dir : '',
    backupCronNamespace: b?.source === 'cronjob' ? (b.namespace ?? '') : '',
    backupCronName: b?.source === 'cronjob' ? b.name : '',
    caPem: t.caPem ?? '',
    tlsServerName: t.tlsServerName ?? '',
    username: t.credential?.username ?? '',
    passwordMaxAgeDays: t.passwordMaxAgeDays === null ? '' : String(t.passwordMaxAgeDays),
    backupMaxAgeHours: t.backupMaxAgeHours === null ? '' : String(t.backupMaxAgeHours),
    allowPlaintextLogin: t.allowPlaintextLogin,
  };
}
