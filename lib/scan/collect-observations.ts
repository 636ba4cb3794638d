import { withNetworkPolicy } from '../network/scan-network-policy';
import type { Observations } from '../probes/observations/observations';
import type { ProbeOutcome } from '../probes/observations/probe-outcome';
import { probeReachability } from '../probes/probe-reachability';
import { probeK8sStorage } from '../probes/probe-k8s-storage';
import { probeK8sWorkload } from '../probes/probe-k8s-workload';
import { probeK8sTlsSecret } from '../probes/probe-k8s-tls-secret';
import { probePgBackRest } from '../probes/probe-pgbackrest';
import { probeDumpDir } from '../probes/probe-dump-dir';
import { probeK8sCronJob } from '../probes/probe-k8s-cronjob';
import type { BackupObservation } from '../probes/observations/backup';
import type { K8sTlsSecretObservation, K8sWorkloadObservation } from '../probes/observations/kubernetes';
import type { ScanSpec } from './scan-spec';
import { withProbeTimeout } from './with-probe-timeout';
import type { RunProbe } from '../engines/engine-definition';
import { engineDefinition } from '../engines/engine-registry';
import { backupSourceRefusal } from './confirm-backup-paths';
import { probeTlsScan, tlsScanTimeBudgetMs } from '../probes/probe-tls-scan';

const skipped = (reason: string) => ({ status: 'skipped' as const, reason });

async function backupProbe(spec: ScanSpec, signal: AbortSignal): Promise<ProbeOutcome<BackupObservation>> {
  const b = spec.backup;
  const common = { policyHours: spec.policy.backupMaxAgeHours, signal, timeoutMs: spec.timeouts.probeMs };
  if (!b) return skipped('no backup source is configured for this target');
  // The CLI has no custody policy: its operator names the command and folders on their own machine.
  const refused = spec.custody ? await backupSourceRefusal(b, spec.custody) : null;
  if (refused) return { status: 'error', message: refused };
  if (b.source === 'pgbackrest') return probePgBackRest({ ...common, stanza: b.stanza, configPath: b.configPath, command: b.command });
  if (b.source === 'dump-dir') return probeDumpDir({ ...common, dir: b.dir, database: spec.database });
  return probeK8sCronJob({ ...common, cronJob: { namespace: b.namespace, name: b.name }, defaultNamespace: spec.kubernetes?.namespace, kube: spec.kube });
}

/** The workload probe first, then the TLS Secret it names (or the one the refs name). */
async function kubernetesProbes(spec: ScanSpec, run: RunProbe) {
  const refs = spec.kubernetes;
  if (!refs) {
    const none = skipped('no Kubernetes references are configured for this target');
    return { k8sWorkload: none as ProbeOutcome<K8sWorkloadObservation>, k8sTlsSecret: none as ProbeOutcome<K8sTlsSecretObservation> };
  }
  const probeMs = spec.timeouts.probeMs;
  const k8sWorkload = await run('kubernetes workload', (s) => probeK8sWorkload({ refs, kube: spec.kube, signal: s, timeoutMs: probeMs }));
  const mounted = k8sWorkload.status === 'ok' ? [...new Set(k8sWorkload.data.tlsKeyFiles.map((f) => f.secretName))].sort()[0] : undefined;
  const secretName = refs.tlsSecret?.name ?? mounted ?? null;
  if (!secretName && k8sWorkload.status === 'error') {
    return { k8sWorkload, k8sTlsSecret: { status: 'error' as const, message: `cannot tell which TLS Secret the pods mount: ${k8sWorkload.message}` } };
  }
  const k8sTlsSecret = await run('kubernetes tls secret', (s) =>
    probeK8sTlsSecret({
      namespace: refs.namespace, secretName, context: refs.context, kube: spec.kube, signal: s, timeoutMs: probeMs,
      noSecretReason: 'the Kubernetes refs name no TLS Secret and the pods mount none',
    }),
  );
  return { k8sWorkload, k8sTlsSecret };
}

/**
 * Runs every applicable probe for one target: reachability first (an unreachable target is not probed further),
 * then TLS → certificate → login, with Kubernetes and backup probes alongside. Each probe has its own deadline.
 */
/** Told the name and outcome of each probe as it finishes (the scan's progress list). */
export type ProbeFinished = (probe: string, outcome: ProbeOutcome<unknown>) => void;

export async function collectObservations(spec: ScanSpec, signal?: AbortSignal, onProbe?: ProbeFinished): Promise<Observations> {
  // Engine probes open their own connections; the admin's allow-list reaches them all through the scan's context.
  return withNetworkPolicy(spec.network, () => collect(spec, signal, onProbe));
}

async function collect(spec: ScanSpec, signal?: AbortSignal, onProbe?: ProbeFinished): Promise<Observations> {
  const engine = engineDefinition(spec.engine);
  const t = spec.timeouts;
  const run = <T>(name: string, fn: (s: AbortSignal) => Promise<ProbeOutcome<T>>) =>
    withProbeTimeout(name, t.probeMs, signal, fn).then((outcome) => {
      onProbe?.(name, outcome);
      return outcome;
    });
  // Kubernetes facts do not need the database to answer; a Pending PVC often explains why it does not.
  const k8sStorage = spec.kubernetes
    ? run('kubernetes storage', (s) => probeK8sStorage({ refs: spec.kubernetes, kube: spec.kube, signal: s, timeoutMs: t.probeMs }))
    : Promise.resolve(skipped('no Kubernetes references are configured for this target'));
  const kubernetes = Promise.all([k8sStorage, kubernetesProbes(spec, run)]).then(([storage, rest]) => ({ k8sStorage: storage, ...rest }));
  const reachability = await run('reachability', (s) => probeReachability({ host: spec.host, port: spec.port, connectTimeoutMs: t.connectMs, signal: s, network: spec.network }));
  const base: Omit<Observations, 'k8sStorage' | 'k8sWorkload' | 'k8sTlsSecret'> = {
    target: {
      engine: spec.engine,
      host: spec.host,
      port: spec.port,
      database: spec.database,
      user: spec.username,
      namespace: spec.kubernetes?.namespace ?? null,
      stanza: spec.backup && 'stanza' in spec.backup ? spec.backup.stanza : null,
    },
    reachability,
    pgTls: skipped('not a PostgreSQL target'),
    certificate: skipped('not a PostgreSQL target'),
    pgSession: skipped('not a PostgreSQL target'),
    pgHardening: skipped('not a PostgreSQL target'),
    passwordAge: skipped('not a PostgreSQL target'),
    backup: skipped('no backup source is configured for this target'),
    allowPlaintextLogin: spec.allowPlaintextLogin,
    tags: spec.tags ?? [],
    tlsProfile: spec.tlsProfile ?? 'intermediate',
    now: new Date().toISOString(),
  };
  if (reachability.status !== 'ok' || !reachability.data.reachable) {
    const why = reachability.status === 'ok' ? `target unreachable (${reachability.data.classification})` : reachability.status === 'error' ? reachability.message : reachability.reason;
    const down = { status: 'error' as const, message: why };
    const engineDown = Object.fromEntries(engine.observationKeys.map((key) => [key, down]));
    return { ...base, ...(await kubernetes), pgTls: down, certificate: down, pgSession: down, pgHardening: down, passwordAge: down, tlsScan: down, ...engineDown };
  }

  const backup = run('backup', (s) => backupProbe(spec, s));
  // An engine without a password login leaves passwordAge to this skip.
  const observed = await engine.collect(spec, run);
  // after the engine's own probes, so the enumeration never holds a connection beside theirs
  const tlsTarget = { engine: spec.engine, host: spec.host, port: spec.port, serverName: spec.tlsServerName ?? spec.host, connectTimeoutMs: t.connectMs, timeBudgetMs: tlsScanTimeBudgetMs(t.probeMs), network: spec.network, cache: spec.tlsScanCache };
  const tlsScan = await run('tls enumeration', (s) => probeTlsScan(tlsTarget, observed, s));
  return { ...base, ...(await kubernetes), passwordAge: skipped(`${spec.engine} targets hold no password Posture tracks`), ...observed, tlsScan, backup: await backup };
}
