import type { CheckDefinition } from '../../check-definition';
import { outcomeVerdict } from '../../outcome-verdict';
import { isOn } from '../pg-bool-setting';

export const pgLoggingDestinationCheck: CheckDefinition = {
  id: 'pg.logging.destination',
  title: 'Server logs are kept (logging_collector or syslog)',
  area: 'hardening',
  severity: 'low',
  why: 'With log_destination = stderr and no logging collector, the log lives only as long as whatever captures the server’s stderr keeps it. The collector writes rotated files, and syslog or jsonlog hands lines to central logging.',
  evaluate: (obs) =>
    outcomeVerdict(obs.pgHardening, (h) => {
      const dest = h.settings.log_destination;
      const collector = h.settings.logging_collector;
      if (dest === undefined || collector === undefined) return { status: 'skip', summary: 'log_destination or logging_collector not visible', evidence: { log_destination: dest ?? null, logging_collector: collector ?? null } };
      const targets = dest.split(',').map((s) => s.trim().toLowerCase());
      const evidence = { log_destination: dest, logging_collector: collector };
      if (targets.includes('syslog') || targets.includes('eventlog')) return { status: 'pass', summary: `log_destination = '${dest}'`, evidence };
      if (isOn(collector)) return { status: 'pass', summary: `logging_collector = on, log_destination = '${dest}'`, evidence };
      return { status: 'warn', summary: `log_destination = '${dest}' with logging_collector = off: logs last only as long as stderr is captured (fine only when the container runtime ships them)`, evidence };
    }),
  remediation: `Write rotated log files (logging_collector needs a restart):
  ALTER SYSTEM SET logging_collector = on;
  ALTER SYSTEM SET log_destination = 'stderr,jsonlog';

Or send to syslog for central collection:
  ALTER SYSTEM SET log_destination = 'syslog';
  SELECT pg_reload_conf();

On Kubernetes, stderr is fine when a log shipper (Fluent Bit, Vector) keeps the pod logs: record an exception.`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '3.1.2' },
    { framework: 'CIS PostgreSQL', control: '3.1.3' },
    { framework: 'PCI-DSS', control: '10.2.1' },
    { framework: 'SOC 2', control: 'CC7.2' },
  ],
};
