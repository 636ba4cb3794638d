import type { CheckDefinition } from '../check-definition';
import { judgeK8sContainers } from './judge-k8s-containers';

export const k8sPodNotPrivilegedCheck: CheckDefinition = {
  id: 'k8s.pod.not_privileged',
  title: 'No privileged containers',
  area: 'hardening',
  severity: 'high',
  why: 'A privileged container sees every device of the node and bypasses most kernel isolation, so one database exploit becomes control of the node.',
  evaluate: (obs) =>
    judgeK8sContainers(obs, {
      includeInit: true,
      observed: (c) => c.privileged,
      problem: (c) => (c.privileged === true ? 'privileged: true' : null),
      passSummary: 'no container is privileged',
    }),
  remediation: `Remove privileged mode; a database never needs it. For a one-off ownership fix, use fsGroup instead of a privileged init container:
  securityContext:
    fsGroup: 999
  containers:
    - name: <container>
      securityContext:
        privileged: false

Apply and confirm:
  kubectl get pod <pod> -n <namespace> -o jsonpath='{..securityContext.privileged}'`,
  compliance: [
    { framework: 'SOC 2', control: 'CC6.1' },
    { framework: 'PCI-DSS', control: '2.2.6' },
    { framework: 'GDPR', control: 'Art. 32(1)(b)' },
  ],
};
