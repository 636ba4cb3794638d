import type { CheckDefinition } from '../check-definition';
import { observationNow } from '../observation-now';
import { outcomeVerdict } from '../outcome-verdict';

const hourMs = 3_600_000;
const oneDecimal = (n: number) => Math.round(n * 10) / 10;

export const backupFreshnessCheck: CheckDefinition = {
  id: 'backup.freshness',
  title: 'Recent successful backup',
  area: 'backups',
  severity: 'high',
  why: 'The newest good backup is the furthest back a restore can start from; when it is older than the policy (26 h by default), a disk loss or bad migration costs more data than agreed.',
  evaluate: (obs) =>
    outcomeVerdict(obs.backup, (b) => {
      const newestMs = b.newestSuccessAt === null ? Number.NaN : Date.parse(b.newestSuccessAt);
      const ageHours = b.ageHours ?? (Number.isNaN(newestMs) ? null : (observationNow(obs) - newestMs) / hourMs);
      const evidence = { source: b.source, newestSuccessAt: b.newestSuccessAt, ageHours: ageHours === null ? null : oneDecimal(ageHours), policyHours: b.policyHours, detail: b.detail };
      if (b.newestSuccessAt === null || ageHours === null) return { status: 'fail', summary: `no successful backup found (${b.source})`, evidence };
      const summary = `newest successful backup ${b.newestSuccessAt}, ${oneDecimal(ageHours)} h ago (policy ${b.policyHours} h, ${b.source})`;
      return ageHours > b.policyHours ? { status: 'fail', summary, evidence } : { status: 'pass', summary, evidence };
    }),
  remediation: `Look at the latest backups and why the schedule stopped:
  pgbackrest --stanza=<stanza> info
  kubectl get cronjob,jobs -n <namespace>

Take a backup now:
  pgbackrest --stanza=<stanza> --type=full backup
  (or for dump backups: pg_dump -Fc -f /backups/<db>-$(date +%F).dump <db>)

Schedule one at least daily, e.g. a cron entry or Kubernetes CronJob running:
  pgbackrest --stanza=<stanza> --type=diff backup

Test a restore regularly; a backup that has never been restored is not proven.`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '7.3' },
    { framework: 'GDPR', control: 'Art. 32(1)(c)' },
    { framework: 'SOC 2', control: 'A1.2' },
    { framework: 'SOC 2', control: 'CC7.5' },
  ],
};
