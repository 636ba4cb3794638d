import type { CheckDefinition } from '../check-definition';
import { outcomeVerdict } from '../outcome-verdict';
import { pgServerVersion } from './pg-server-version';
import { postgresMajor, postgresVersions } from './postgres-versions';

export const pgVersionLatestMinorCheck: CheckDefinition = {
  id: 'pg.version.latest_minor',
  title: 'The server runs the latest minor release of its major',
  area: 'hardening',
  severity: 'medium',
  why: 'Minor releases carry the security fixes and are drop-in: same data format, restart only. Running behind the newest one leaves published vulnerabilities open for no gain.',
  evaluate: (obs) =>
    outcomeVerdict(obs.pgHardening, (h) => {
      const { major, minor } = pgServerVersion(h.serverVersionNum);
      const info = Number.isInteger(major) ? postgresMajor(major) : null;
      const table = `PostgreSQL versions reviewed ${postgresVersions.reviewedOn}`;
      const evidence = { serverVersion: h.serverVersion, major, minor, latestKnown: info ? `${info.major}.${info.latestMinor}` : null, table };
      if (!info) return { status: 'skip', summary: `no minor release data for PostgreSQL ${major} (${table})`, evidence };
      if (minor < info.latestMinor) return { status: 'fail', summary: `${major}.${minor} is behind ${major}.${info.latestMinor} (${info.latestMinor - minor} minor releases of fixes missing)`, evidence };
      return { status: 'pass', summary: `${major}.${minor} is the latest known minor (${table})`, evidence };
    }),
  remediation: `Install the newest minor package and restart, one node at a time (replicas first):
  apt-get install --only-upgrade postgresql-17    # or: dnf update postgresql17-server
  systemctl restart postgresql

In a container, bump the image tag (postgres:17.10) and roll the StatefulSet. Read the release notes for any post-upgrade step (REINDEX).`,
  compliance: [
    { framework: 'PCI-DSS', control: '6.3.3' },
    { framework: 'SOC 2', control: 'CC7.1' },
  ],
};
