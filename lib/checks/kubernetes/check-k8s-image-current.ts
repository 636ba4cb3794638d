import type { CheckDefinition, CheckVerdict } from '../check-definition';
import { observationNow } from '../observation-now';
import { outcomeVerdict } from '../outcome-verdict';
import { isPostgresImage, postgresImageVersion } from '../postgresql/postgres-image-version';
import { postgresMajor, postgresVersions } from '../postgresql/postgres-versions';

const DAY_MS = 86_400_000;
const WARN_DAYS = 180;

export const k8sImageCurrentCheck: CheckDefinition = {
  id: 'k8s.image.current',
  title: 'PostgreSQL image is a supported major version',
  area: 'hardening',
  severity: 'high',
  why: 'A major version past its end of life gets no security fixes, so every vulnerability found after that date stays open on this database.',
  evaluate: (obs) =>
    outcomeVerdict(obs.k8sWorkload, (w): CheckVerdict => {
      const images = [...new Set(w.pods.flatMap((p) => p.containers.filter((c) => !c.init && isPostgresImage(c.image)).map((c) => c.image)))];
      const base = { namespace: w.namespace, selector: w.selector, images, table: `PostgreSQL versions reviewed ${postgresVersions.reviewedOn}` };
      if (w.pods.length === 0) return { status: 'error', summary: `no pods match selector ${w.selector} in namespace ${w.namespace}`, evidence: base };
      if (images.length === 0) {
        const all = [...new Set(w.pods.flatMap((p) => p.containers.filter((c) => !c.init).map((c) => c.image)))];
        return { status: 'warn', summary: `no container runs a known PostgreSQL image (${all.join(', ')}); the version cannot be told from the image`, evidence: { ...base, containerImages: all } };
      }
      const now = observationNow(obs);
      const rows = images.map((image) => {
        const v = postgresImageVersion(image);
        const info = v ? postgresMajor(v.major) : null;
        const daysLeft = info ? Math.floor((Date.parse(info.endOfLife) - now) / DAY_MS) : null;
        return { image, major: v?.major ?? null, minor: v?.minor ?? null, endOfLife: info?.endOfLife ?? null, daysLeft, latestMinor: info ? `${info.major}.${info.latestMinor}` : null };
      });
      const evidence = { ...base, versions: rows };
      const eol = rows.filter((r) => (r.daysLeft !== null && r.daysLeft < 0) || (r.major !== null && r.major < 10));
      if (eol.length > 0) return { status: 'fail', summary: eol.map((r) => `${r.image}: PostgreSQL ${r.major} ${r.endOfLife ? `reached end of life on ${r.endOfLife}` : 'is long past end of life'}`).join('; '), evidence };
      const unknown = rows.filter((r) => r.major === null || r.endOfLife === null);
      if (unknown.length > 0) return { status: 'warn', summary: `cannot tell the major version of ${unknown.map((r) => r.image).join(', ')} (pin a version tag such as postgres:17.10)`, evidence };
      const soon = rows.filter((r) => r.daysLeft !== null && r.daysLeft <= WARN_DAYS);
      if (soon.length > 0) return { status: 'warn', summary: soon.map((r) => `${r.image}: PostgreSQL ${r.major} reaches end of life on ${r.endOfLife} (${r.daysLeft} days)`).join('; '), evidence };
      const behind = rows.filter((r) => r.minor !== null && r.major !== null && r.minor < (postgresMajor(r.major)?.latestMinor ?? 0));
      if (behind.length > 0) return { status: 'warn', summary: `supported major, but behind the latest minor release: ${behind.map((r) => `${r.image} (latest ${r.latestMinor})`).join(', ')}`, evidence };
      return { status: 'pass', summary: rows.map((r) => `${r.image}: PostgreSQL ${r.major}, supported until ${r.endOfLife}`).join('; '), evidence };
    }),
  remediation: `Plan the major upgrade (pg_upgrade, or a logical-replication cut-over), testing it on a restored backup first.

In the StatefulSet pin a supported major and its newest minor:
  containers:
    - name: postgres
      image: postgres:17.10-alpine

Minor updates are drop-in; roll them out one pod at a time:
  kubectl set image statefulset/<name> postgres=postgres:17.10-alpine -n <namespace>
  kubectl rollout status statefulset/<name> -n <namespace>

With an operator (CloudNativePG, PGO, Zalando) change the image or postgresVersion in the cluster resource instead.`,
  compliance: [
    { framework: 'PCI-DSS', control: '6.3.3' },
    { framework: 'SOC 2', control: 'CC7.1' },
  ],
};
