import type { CheckDefinition } from '../check-definition';
import { judgeK8sContainers } from './judge-k8s-containers';

export const k8sPodReadOnlyRootFsCheck: CheckDefinition = {
  id: 'k8s.pod.read_only_root_fs',
  title: 'Root filesystem is read-only',
  area: 'hardening',
  severity: 'medium',
  why: 'With a writable root filesystem an intruder can drop tools or overwrite binaries in the container; the database only needs to write to its data volume.',
  evaluate: (obs) =>
    judgeK8sContainers(obs, {
      includeInit: false,
      observed: (c) => c.readOnlyRootFilesystem,
      problem: (c) => (c.readOnlyRootFilesystem === true ? null : c.readOnlyRootFilesystem === false ? 'readOnlyRootFilesystem is false' : 'readOnlyRootFilesystem is not set (writable)'),
      passSummary: 'every running container has a read-only root filesystem',
    }),
  remediation: `Make the root filesystem read-only and give the server writable scratch space where it needs it (PostgreSQL: its socket directory and /tmp; other engines: /tmp):
  containers:
    - name: <container>
      securityContext:
        readOnlyRootFilesystem: true
      volumeMounts:
        - { name: run, mountPath: /var/run/postgresql }
        - { name: tmp, mountPath: /tmp }
  volumes:
    - { name: run, emptyDir: {} }
    - { name: tmp, emptyDir: {} }

The data directory stays on its PVC. Apply, then check the pod starts:
  kubectl rollout status statefulset/<name> -n <namespace>`,
  compliance: [
    { framework: 'SOC 2', control: 'CC6.1' },
    { framework: 'PCI-DSS', control: '2.2.6' },
  ],
};
