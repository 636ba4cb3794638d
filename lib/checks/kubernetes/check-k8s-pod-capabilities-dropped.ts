import type { CheckDefinition } from '../check-definition';
import { judgeK8sContainers } from './judge-k8s-containers';

// The restricted Pod Security Standard allows adding back only this one.
const allowedAdds = new Set(['NET_BIND_SERVICE']);

export const k8sPodCapabilitiesDroppedCheck: CheckDefinition = {
  id: 'k8s.pod.capabilities_dropped',
  title: 'Linux capabilities are dropped (drop: [ALL])',
  area: 'hardening',
  severity: 'medium',
  why: 'The default capability set lets a process change file ownership, bypass file permission checks and craft raw packets; a database needs none of that.',
  evaluate: (obs) =>
    judgeK8sContainers(obs, {
      includeInit: true,
      observed: (c) => ({ drop: c.capabilitiesDrop, add: c.capabilitiesAdd }),
      problem: (c) => {
        const extra = c.capabilitiesAdd.filter((cap) => !allowedAdds.has(cap.toUpperCase().replace(/^CAP_/, '')));
        if (!c.capabilitiesDrop.some((cap) => cap.toUpperCase() === 'ALL')) return `does not drop ALL (drop: [${c.capabilitiesDrop.join(', ')}])`;
        return extra.length > 0 ? `adds ${extra.join(', ')}` : null;
      },
      passSummary: 'every container drops ALL capabilities and adds none beyond NET_BIND_SERVICE',
    }),
  remediation: `Drop every capability on each container and init container:
  securityContext:
    capabilities:
      drop: ["ALL"]

If an init container only fixes file ownership, replace it with the pod's fsGroup rather than adding CHOWN back. Apply and read it back:
  kubectl get pod <pod> -n <namespace> -o jsonpath='{..securityContext.capabilities}'`,
  compliance: [
    { framework: 'SOC 2', control: 'CC6.1' },
    { framework: 'PCI-DSS', control: '2.2.6' },
  ],
};
