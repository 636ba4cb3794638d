import type { CheckDefinition } from '../check-definition';
import { judgeK8sContainers } from './judge-k8s-containers';

export const k8sPodRunAsNonRootCheck: CheckDefinition = {
  id: 'k8s.pod.run_as_non_root',
  title: 'Database containers run as a non-root user',
  area: 'hardening',
  severity: 'high',
  why: 'A process running as root inside the container can install tools, read every mounted file and, after a container breakout, act as root on the node.',
  evaluate: (obs) =>
    judgeK8sContainers(obs, {
      includeInit: true,
      observed: (c) => ({ runAsNonRoot: c.runAsNonRoot, runAsUser: c.runAsUser }),
      problem: (c) => {
        if (c.runAsUser === 0) return 'runAsUser is 0 (root)';
        if (c.runAsNonRoot === true || (c.runAsUser !== null && c.runAsUser > 0)) return null;
        return c.runAsNonRoot === false ? 'runAsNonRoot is false and no non-root runAsUser is set' : 'neither runAsNonRoot nor a non-root runAsUser is set, so the image decides';
      },
      passSummary: 'every container runs as non-root',
    }),
  remediation: `Set it for the whole pod, so init containers are covered too (PostgreSQL images use uid 999 or 70):
  spec:
    template:
      spec:
        securityContext:
          runAsNonRoot: true
          runAsUser: 999
          fsGroup: 999

Apply and confirm the uid inside the pod:
  kubectl apply -f <statefulset>.yaml
  kubectl exec -n <namespace> <pod> -- id -u`,
  compliance: [
    { framework: 'SOC 2', control: 'CC6.1' },
    { framework: 'PCI-DSS', control: '2.2.6' },
    { framework: 'GDPR', control: 'Art. 32(1)(b)' },
  ],
};
