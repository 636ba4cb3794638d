import type { K8sContainerObservation } from '../../probes/observations/kubernetes';
import type { Observations } from '../../probes/observations/observations';
import type { CheckVerdict, JsonValue } from '../check-definition';
import { outcomeVerdict } from '../outcome-verdict';

export interface ContainerRule {
  /** init containers too, or only the containers that keep running */
  includeInit: boolean;
  /** the setting as observed, for evidence */
  observed: (c: K8sContainerObservation) => JsonValue;
  /** null when the container complies, else what is wrong in a few words */
  problem: (c: K8sContainerObservation) => string | null;
  passSummary: string;
}

/** Judges one securityContext setting on every container of every database pod; any offender fails the check. */
export function judgeK8sContainers(obs: Observations, rule: ContainerRule): CheckVerdict {
  return outcomeVerdict(obs.k8sWorkload, (w) => {
    const rows = w.pods.flatMap((p) =>
      p.containers.filter((c) => rule.includeInit || !c.init).map((c) => ({ pod: p.name, container: c.name, init: c.init, observed: rule.observed(c), problem: rule.problem(c) })),
    );
    const evidence = { namespace: w.namespace, selector: w.selector, containers: rows };
    if (w.pods.length === 0) return { status: 'error', summary: `no pods match selector ${w.selector} in namespace ${w.namespace}`, evidence };
    const bad = rows.filter((r) => r.problem !== null);
    if (bad.length > 0) return { status: 'fail', summary: bad.map((r) => `${r.pod}/${r.container}${r.init ? ' (init)' : ''}: ${r.problem}`).join('; '), evidence };
    return { status: 'pass', summary: `${rule.passSummary} (${rows.length} container${rows.length === 1 ? '' : 's'} in ${w.pods.length} pod${w.pods.length === 1 ? '' : 's'})`, evidence };
  });
}
