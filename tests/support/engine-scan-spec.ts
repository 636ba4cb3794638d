import { evaluateChecks } from '../../lib/engines/evaluate-checks';
import type { CheckResult } from '../../lib/checks/check-definition';
import { gradeTarget } from '../../lib/grading/grade-target';
import type { Observations } from '../../lib/probes/observations/observations';
import { collectObservations } from '../../lib/scan/collect-observations';
import { defaultPolicy, type ScanSpec } from '../../lib/scan/scan-spec';

/** A scan spec for a non-PostgreSQL target on loopback, as loadScanSpec would build it from the inventory. */
export function engineScanSpec(engine: string, port: number, patch: Partial<ScanSpec> = {}): ScanSpec {
  return {
    engine,
    host: '127.0.0.1',
    port,
    database: null,
    username: null,
    password: null,
    passwordSource: null,
    rotatedAt: null,
    caPem: null,
    allowPlaintextLogin: false,
    kubernetes: null,
    kube: {},
    backup: null,
    policy: defaultPolicy,
    timeouts: { connectMs: 3_000, probeMs: 15_000 },
    tags: [],
    clientCert: null,
    ...patch,
  };
}

export interface EngineScan {
  observations: Observations;
  results: CheckResult[];
  /** status per check, leaving out the Kubernetes checks (skipped: no Kubernetes refs on these targets) */
  statuses: Record<string, string>;
  grade: ReturnType<typeof gradeTarget>;
}

/** Probes, checks and grades one target through the same pipeline the worker uses. */
export async function scanEngine(spec: ScanSpec): Promise<EngineScan> {
  const observations = await collectObservations(spec);
  const results = evaluateChecks(observations);
  return { observations, results, statuses: Object.fromEntries(results.filter((r) => !r.id.startsWith('k8s.')).map((r) => [r.id, r.status])), grade: gradeTarget(results) };
}

/** "id: status (summary)" lines for a readable diff when statuses differ. */
export const explain = (results: CheckResult[]) => results.map((r) => `${r.id}: ${r.status} (${r.summary})`);
