import type { CheckDefinition } from '../check-definition';
import { judgeK8sContainers } from './judge-k8s-containers';

export const k8sPodNoPrivilegeEscalationCheck: CheckDefinition = {
  id: 'k8s.pod.no_privilege_escalation',
  title: 'Containers cannot gain privileges (allowPrivilegeEscalation: false)',
  area: 'hardening',
  severity: 'medium',
  why: 'Unless allowPrivilegeEscalation is false, a setuid binary in the image can lift a compromised database process to more rights than it started with.',
  evaluate: (obs) =>
    judgeK8sContainers(obs, {
      includeInit: true,
      observed: (c) => c.allowPrivilegeEscalation,
      problem: (c) => (c.allowPrivilegeEscalation === false ? null : c.allowPrivilegeEscalation === true ? 'allowPrivilegeEscalation is true' : 'allowPrivilegeEscalation is not set (defaults to true)'),
      passSummary: 'allowPrivilegeEscalation is false everywhere',
    }),
  remediation: `Set it on every container and init container:
  containers:
    - name: <container>
      securityContext:
        allowPrivilegeEscalation: false

Apply and read it back:
  kubectl apply -f <statefulset>.yaml
  kubectl get pod <pod> -n <namespace> -o jsonpath='{.spec.containers[*].securityContext.allowPrivilegeEscalation}'`,
  compliance: [
    { framework: 'SOC 2', control: 'CC6.1' },
    { framework: 'PCI-DSS', control: '2.2.6' },
  ],
};
