import type { CheckDefinition } from '../check-definition';
import { observationNow } from '../observation-now';
import { outcomeVerdict } from '../outcome-verdict';
import { pgServerVersion } from './pg-server-version';
import { postgresMajor, postgresVersions } from './postgres-versions';

const DAY_MS = 86_400_000;
const WARN_DAYS = 180;
const newestKnown = Math.max(...postgresVersions.majors.map((m) => m.major));

export const pgVersionSupportedMajorCheck: CheckDefinition = {
  id: 'pg.version.supported_major',
  title: 'The server runs a supported major version',
  area: 'hardening',
  severity: 'high',
  why: 'After its end of life a major version gets no more security fixes, so every vulnerability found later stays open on this server. Upgrading takes planning, so the last 180 days warn.',
  evaluate: (obs) =>
    outcomeVerdict(obs.pgHardening, (h) => {
      const { major } = pgServerVersion(h.serverVersionNum);
      const info = Number.isInteger(major) ? postgresMajor(major) : null;
      const table = `PostgreSQL versions reviewed ${postgresVersions.reviewedOn}`;
      const daysLeft = info ? Math.floor((Date.parse(info.endOfLife) - observationNow(obs)) / DAY_MS) : null;
      const evidence = { serverVersion: h.serverVersion, serverVersionNum: h.serverVersionNum, major, endOfLife: info?.endOfLife ?? null, daysLeft, table };
      if (!info && major > newestKnown) return { status: 'warn', summary: `PostgreSQL ${major} is newer than the version table (${table}); update Posture`, evidence };
      if (!info || daysLeft === null) return { status: 'fail', summary: `PostgreSQL ${major} is long past end of life`, evidence };
      if (daysLeft < 0) return { status: 'fail', summary: `PostgreSQL ${major} reached end of life on ${info.endOfLife}`, evidence };
      if (daysLeft <= WARN_DAYS) return { status: 'warn', summary: `PostgreSQL ${major} reaches end of life on ${info.endOfLife} (${daysLeft} days)`, evidence };
      return { status: 'pass', summary: `PostgreSQL ${major} (${h.serverVersion}) is supported until ${info.endOfLife}`, evidence };
    }),
  remediation: `Plan the major upgrade and rehearse it on a restored backup:
  pg_upgrade --old-bindir=/usr/lib/postgresql/13/bin --new-bindir=/usr/lib/postgresql/17/bin \\
    --old-datadir=/var/lib/postgresql/13/main --new-datadir=/var/lib/postgresql/17/main --link --check

Drop --check to run it, then ANALYZE. For near-zero downtime use logical replication to a new cluster and switch over.`,
  compliance: [
    { framework: 'PCI-DSS', control: '6.3.3' },
    { framework: 'SOC 2', control: 'CC7.1' },
  ],
};
