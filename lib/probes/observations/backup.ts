/** The newest successful backup a backup source reports. */
export interface BackupObservation {
  source: 'pgbackrest' | 'dump-dir' | 'cronjob';
  newestSuccessAt: string | null;
  ageHours: number | null;
  policyHours: number;
  /** null when the source cannot tell */
  encrypted: boolean | null;
  detail: Record<string, string | number | boolean | null>;
}
