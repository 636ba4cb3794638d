import 'server-only';
import { Prisma } from '../../generated/prisma/client';
import type { BackupSource, KubernetesRefs } from '../../validations/target';
import type { Grade } from '../../grading/grade-bands';
import type { GradeCap } from '../../grading/grade-target';

/** Everything a caller may see about a target; the credential's ciphertext is never selected. */
export const targetViewSelect = {
  id: true,
  name: true,
  engine: true,
  host: true,
  port: true,
  database: true,
  environment: true,
  ownerTeam: true,
  ownerEmail: true,
  service: true,
  tags: true,
  criticality: true,
  k8s: true,
  backupSource: true,
  backupConfig: true,
  caPem: true,
  tlsServerName: true,
  tlsPinSha256: true,
  allowPlaintextLogin: true,
  passwordMaxAgeDays: true,
  backupMaxAgeHours: true,
  score: true,
  grade: true,
  scoreGrade: true,
  caps: true,
  scoreWithExceptions: true,
  gradeWithExceptions: true,
  scoreGradeWithExceptions: true,
  capsWithExceptions: true,
  failingCritical: true,
  failingHigh: true,
  failingMedium: true,
  failingLow: true,
  lastScanAt: true,
  archivedAt: true,
  createdAt: true,
  updatedAt: true,
  credential: { select: { username: true, source: true, reference: true, keyId: true, rotatedAt: true } },
} satisfies Prisma.TargetSelect;

type Row = Prisma.TargetGetPayload<{ select: typeof targetViewSelect }>;

export interface CredentialView {
  username: string;
  source: 'manual' | 'env' | 'k8s-secret';
  reference: string | null;
  hasStoredSecret: boolean;
  rotatedAt: string | null;
}

export interface TargetView {
  id: string;
  name: string;
  engine: Row['engine'];
  host: string;
  port: number;
  database: string | null;
  environment: string;
  ownerTeam: string | null;
  ownerEmail: string | null;
  service: string | null;
  tags: string[];
  criticality: Row['criticality'];
  kubernetes: KubernetesRefs | null;
  backup: BackupSource | null;
  credential: CredentialView | null;
  caPem: string | null;
  tlsServerName: string | null;
  /** an admin-pinned leaf key (base64 SHA-256 of its SubjectPublicKeyInfo) the probe login also accepts */
  tlsPinSha256: string | null;
  allowPlaintextLogin: boolean;
  passwordMaxAgeDays: number | null;
  backupMaxAgeHours: number | null;
  score: number | null;
  grade: Grade | null;
  /** the grade the score alone gives; `grade` is lower when caps apply */
  scoreGrade: Grade | null;
  caps: GradeCap[];
  scoreWithExceptions: number | null;
  gradeWithExceptions: Grade | null;
  scoreGradeWithExceptions: Grade | null;
  capsWithExceptions: GradeCap[];
  /** failing checks by severity as of the last scan */
  failing: { critical: number; high: number; medium: number; low: number };
  lastScanAt: string | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toBackupColumns(backup: BackupSource | null | undefined) {
  if (backup === undefined) return {};
  if (backup === null) return { backupSource: null, backupConfig: Prisma.DbNull };
  const { source, ...config } = backup;
  return {
    backupSource: source === 'dump-dir' ? ('dump_dir' as const) : source,
    backupConfig: config as Prisma.InputJsonValue,
  };
}

function backupFromRow(row: Row): BackupSource | null {
  if (!row.backupSource) return null;
  const source = row.backupSource === 'dump_dir' ? 'dump-dir' : row.backupSource;
  return { source, ...(row.backupConfig as object) } as BackupSource;
}

export function toTargetView(row: Row): TargetView {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: row.id,
    name: row.name,
    engine: row.engine,
    host: row.host,
    port: row.port,
    database: row.database,
    environment: row.environment,
    ownerTeam: row.ownerTeam,
    ownerEmail: row.ownerEmail,
    service: row.service,
    tags: row.tags,
    criticality: row.criticality,
    kubernetes: (row.k8s as KubernetesRefs | null) ?? null,
    backup: backupFromRow(row),
    credential: row.credential
      ? {
          username: row.credential.username,
          source: row.credential.source === 'k8s_secret' ? 'k8s-secret' : row.credential.source,
          reference: row.credential.reference,
          hasStoredSecret: row.credential.keyId !== null,
          rotatedAt: iso(row.credential.rotatedAt),
        }
      : null,
    caPem: row.caPem,
    tlsServerName: row.tlsServerName,
    tlsPinSha256: row.tlsPinSha256,
    allowPlaintextLogin: row.allowPlaintextLogin,
    passwordMaxAgeDays: row.passwordMaxAgeDays,
    backupMaxAgeHours: row.backupMaxAgeHours,
    score: row.score,
    // The grade columns are only ever written from grade bands and the grading policy.
    grade: row.grade as Grade | null,
    scoreGrade: row.scoreGrade as Grade | null,
    caps: (row.caps as GradeCap[] | null) ?? [],
    scoreWithExceptions: row.scoreWithExceptions,
    gradeWithExceptions: row.gradeWithExceptions as Grade | null,
    scoreGradeWithExceptions: row.scoreGradeWithExceptions as Grade | null,
    capsWithExceptions: (row.capsWithExceptions as GradeCap[] | null) ?? [],
    failing: { critical: row.failingCritical, high: row.failingHigh, medium: row.failingMedium, low: row.failingLow },
    lastScanAt: iso(row.lastScanAt),
    archivedAt: iso(row.archivedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
