import type { CheckConcern } from '../checks/check-concern';
import type { CheckDefinition } from '../checks/check-definition';
import type { Observations } from '../probes/observations/observations';
import type { ProbeOutcome } from '../probes/observations/probe-outcome';
import type { ScanSpec } from '../scan/scan-spec';
import type { engines } from '../validations/target';

export type EngineId = (typeof engines)[number];

/** Runs one probe under the scan's per-probe deadline and abort signal. */
export type RunProbe = <T>(name: string, fn: (s: AbortSignal) => Promise<ProbeOutcome<T>>) => Promise<ProbeOutcome<T>>;

/** The Observations fields an engine's own probes fill. */
export type EngineObservationKey = 'pgTls' | 'pgSession' | 'pgHardening' | 'redis' | 'etcd' | 'pgbackrestServer' | 'patroni' | 'rabbitmq';

/** One engine Posture scans: how the CLI names it, what its probes fill, and which checks judge it. */
export interface EngineDefinition {
  id: EngineId;
  label: string;
  defaultPort: number;
  /** URL schemes `posture scan` reads this engine from, with the port a scheme implies (amqp: 5672); https: needs --engine */
  urlSchemes: readonly { scheme: string; port?: number }[];
  /** set when an unreachable target marks them down */
  observationKeys: readonly EngineObservationKey[];
  /** what its probes observe, one line for docs/engines.md */
  probes: string;
  /** shared concerns whose checks apply to its targets */
  concerns: readonly CheckConcern[];
  /** its own checks, beyond the concerns' */
  checks: readonly CheckDefinition[];
  /** Probes a reachable target; the scan adds reachability, Kubernetes and backup observations around it. */
  collect: (spec: ScanSpec, run: RunProbe) => Promise<Partial<Observations>>;
}
