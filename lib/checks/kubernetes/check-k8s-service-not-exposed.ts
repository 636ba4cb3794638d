import type { CheckDefinition } from '../check-definition';
import { outcomeVerdict } from '../outcome-verdict';

export const k8sServiceNotExposedCheck: CheckDefinition = {
  id: 'k8s.service.not_exposed',
  title: 'Database is reachable only inside the cluster (ClusterIP)',
  area: 'hardening',
  severity: 'high',
  why: 'A NodePort, LoadBalancer, external IP or host port puts the database port on a node or cloud address, in reach of anyone who can route to it.',
  evaluate: (obs) =>
    outcomeVerdict(obs.k8sWorkload, (w) => {
      if (w.services.status === 'error') return { status: 'error', summary: `Services could not be listed: ${w.services.message}`, evidence: { namespace: w.namespace, error: w.services.message } };
      const services = w.services.items;
      const hostPorts = w.pods.flatMap((p) => [
        ...(p.hostNetwork ? [`${p.name} uses hostNetwork`] : []),
        ...p.containers.flatMap((c) => c.hostPorts.map((hp) => `${p.name}/${c.name} hostPort ${hp}`)),
      ]);
      const evidence = { namespace: w.namespace, selector: w.selector, services: services.map((s) => ({ ...s })), hostExposure: hostPorts };
      if (w.pods.length === 0) return { status: 'error', summary: `no pods match selector ${w.selector} in namespace ${w.namespace}`, evidence };
      const exposed = services.flatMap((s) => {
        const why = [
          ...(s.type === 'NodePort' || s.type === 'LoadBalancer' ? [`type ${s.type}${s.nodePorts.length ? ` (nodePort ${s.nodePorts.join(', ')})` : ''}`] : []),
          ...(s.externalIPs.length ? [`externalIPs ${s.externalIPs.join(', ')}`] : []),
          ...(s.loadBalancerIngress.length ? [`load balancer ${s.loadBalancerIngress.join(', ')}`] : []),
        ];
        return why.length ? [`Service ${s.name}: ${why.join(', ')}`] : [];
      });
      if (exposed.length + hostPorts.length > 0) return { status: 'fail', summary: [...exposed, ...hostPorts].join('; '), evidence };
      if (services.length === 0) return { status: 'pass', summary: 'no Service selects the database pods, and no host port is open', evidence };
      return { status: 'pass', summary: `ClusterIP only: ${services.map((s) => `${s.name} (${s.type})`).join(', ')}`, evidence };
    }),
  remediation: `Make the database Service internal and remove external addresses:
  kubectl patch svc <service> -n <namespace> --type merge -p '{"spec":{"type":"ClusterIP","externalIPs":null}}'

A type change from NodePort may need the nodePort fields removed; re-apply the manifest with:
  spec:
    type: ClusterIP
    ports: [{ port: 5432, targetPort: 5432 }]

Remove hostPort and hostNetwork from the pod template. Clients outside the cluster should go through a bastion or kubectl port-forward.`,
  compliance: [
    { framework: 'PCI-DSS', control: '1.3.1' },
    { framework: 'SOC 2', control: 'CC6.6' },
    { framework: 'GDPR', control: 'Art. 32(1)(b)' },
  ],
};
