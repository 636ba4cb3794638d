import type { ReactNode } from 'react';
import { defaultPolicy } from '@/lib/scan/scan-spec';
import type { TargetView } from '@/lib/services/targets/target-view';
import { formatDateTime } from '@/lib/ui/format-date-time';
import { credentialSummary } from './credential-summary';

const none = <span className="muted">—</span>;

function Facts({ title, rows }: { title: string; rows: [string, ReactNode][] }) {
  return (
    <section className="card">
      <h2 className="card-title">{title}</h2>
      <dl className="facts">
        {rows.map(([k, val]) => (
          <div key={k} className="fact">
            <dt>{k}</dt>
            <dd>{val ?? none}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function backupRows(b: TargetView['backup']): [string, ReactNode][] {
  if (!b) return [['Source', 'none']];
  switch (b.source) {
    case 'pgbackrest':
      return [['Source', 'pgbackrest'], ['Stanza', b.stanza], ['Config path', b.configPath], ['Command', b.command]];
    case 'dump-dir':
      return [['Source', 'dump-dir'], ['Dump directory', b.dir]];
    case 'cronjob':
      return [['Source', 'cronjob'], ['CronJob namespace', b.namespace], ['CronJob name', b.name]];
  }
}

function caBundle(pem: string | null): string {
  if (!pem) return 'system roots';
  const n = pem.match(/-----BEGIN CERTIFICATE-----/g)?.length ?? 0;
  return `configured (${n} ${n === 1 ? 'certificate' : 'certificates'})`;
}

const policy = (value: number | null, fallback: number, unit: string) => (value === null ? `${fallback} ${unit} (default)` : `${value} ${unit}`);

export function DatabaseFacts({ target: t }: { target: TargetView }) {
  const k = t.kubernetes;
  return (
    <div className="facts-grid">
      <Facts
        title="Connection"
        rows={[
          ['Engine', t.engine],
          ['Host', <span key="h" className="mono">{t.host}</span>],
          ['Port', <span key="p" className="mono">{t.port}</span>],
          ['Database', t.database],
          ['Credential', credentialSummary(t.credential)],
        ]}
      />
      <Facts
        title="Ownership"
        rows={[
          ['Environment', t.environment],
          ['Owner team', t.ownerTeam],
          ['Owner email', t.ownerEmail ? <a key="e" href={`mailto:${t.ownerEmail}`}>{t.ownerEmail}</a> : null],
          ['Service', t.service],
          ['Tags', t.tags.length ? <span key="t" className="cell-tags">{t.tags.map((tag) => <span key={tag} className="tag">{tag}</span>)}</span> : null],
          ['Criticality', <span key="c" className={`crit crit-${t.criticality}`}>{t.criticality}</span>],
        ]}
      />
      <Facts
        title="Kubernetes"
        rows={
          k
            ? [
                ['Namespace', k.namespace],
                ['Context', k.context],
                ['Pod selector', k.podSelector ? <code key="s">{k.podSelector}</code> : null],
                ['PVC names', k.pvcNames?.length ? k.pvcNames.join(', ') : null],
                ['Password Secret', k.passwordSecret ? `${k.passwordSecret.name} · key ${k.passwordSecret.key}` : null],
                ['TLS Secret', k.tlsSecret?.name],
              ]
            : [['Kubernetes', 'not configured']]
        }
      />
      <Facts title="Backup" rows={backupRows(t.backup)} />
      <Facts
        title="Probe settings"
        rows={[
          ['CA bundle', caBundle(t.caPem)],
          ['TLS server name', t.tlsServerName ?? 'the host'],
          ['Pinned key', t.tlsPinSha256 ? <code key="pin" className="fingerprint">{t.tlsPinSha256}</code> : 'not pinned'],
          ['Password max age', policy(t.passwordMaxAgeDays, defaultPolicy.passwordMaxAgeDays, 'days')],
          ['Backup max age', policy(t.backupMaxAgeHours, defaultPolicy.backupMaxAgeHours, 'hours')],
          ['Plaintext login', t.allowPlaintextLogin ? <strong key="pl">plaintext SCRAM allowed</strong> : 'not allowed'],
        ]}
      />
      <Facts
        title="Record"
        rows={[
          ['Created', formatDateTime(t.createdAt)],
          ['Updated', formatDateTime(t.updatedAt)],
          ['Archived', t.archivedAt ? formatDateTime(t.archivedAt) : 'no'],
        ]}
      />
    </div>
  );
}
