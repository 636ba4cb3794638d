import type { CheckDefinition } from '../check-definition';
import { outcomeVerdict } from '../outcome-verdict';

export const k8sNetworkPolicyIsolatedCheck: CheckDefinition = {
  id: 'k8s.networkpolicy.isolated',
  title: 'A NetworkPolicy admits only named clients',
  area: 'hardening',
  severity: 'medium',
  why: 'Without a NetworkPolicy any pod in the cluster can open a connection to the database, so one compromised workload anywhere can try its passwords.',
  evaluate: (obs) =>
    outcomeVerdict(obs.k8sWorkload, (w) => {
      if (w.networkPolicies.status === 'error') {
        return { status: 'error', summary: `NetworkPolicies could not be listed: ${w.networkPolicies.message}`, evidence: { namespace: w.namespace, error: w.networkPolicies.message } };
      }
      const ingress = w.networkPolicies.items.filter((p) => p.policyTypes.includes('Ingress') && p.selects.length > 0);
      const policies = ingress.map((p) => ({ name: p.name, selects: p.selects, ingress: p.ingress.map((r) => ({ from: r.from.map((f) => ({ peer: f.peer, scope: f.scope })), ports: r.ports })) }));
      const evidence = { namespace: w.namespace, selector: w.selector, policies };
      if (w.pods.length === 0) return { status: 'error', summary: `no pods match selector ${w.selector} in namespace ${w.namespace}`, evidence };
      const uncovered = w.pods.filter((p) => !ingress.some((np) => np.selects.includes(p.name))).map((p) => p.name);
      if (uncovered.length > 0) return { status: 'fail', summary: `no ingress NetworkPolicy selects ${uncovered.join(', ')}`, evidence };
      const peers = ingress.flatMap((np) => np.ingress.flatMap((r) => r.from.map((f) => ({ ...f, policy: np.name }))));
      const open = peers.filter((p) => p.scope === 'anywhere' || p.scope === 'cluster');
      if (open.length > 0) return { status: 'fail', summary: `ingress open to ${open.map((p) => `${p.peer} (${p.policy})`).join(', ')}`, evidence };
      const wide = peers.filter((p) => p.scope === 'namespace');
      if (wide.length > 0) return { status: 'warn', summary: `ingress open to every pod of a namespace: ${wide.map((p) => `${p.peer} (${p.policy})`).join(', ')}`, evidence };
      if (peers.length === 0) return { status: 'pass', summary: `all ingress denied by ${ingress.map((p) => p.name).join(', ')}`, evidence };
      return { status: 'pass', summary: `ingress only from ${[...new Set(peers.map((p) => p.peer))].join(', ')}`, evidence };
    }),
  remediation: `Admit only the service that owns the database, on the database port:
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: { name: <db>-ingress, namespace: <namespace> }
  spec:
    podSelector: { matchLabels: { app: <db> } }
    policyTypes: [Ingress]
    ingress:
      - from: [{ podSelector: { matchLabels: { app: <client-service> } } }]
        ports: [{ protocol: TCP, port: 5432 }]

Apply it and list what selects the pods:
  kubectl apply -f <db>-ingress.yaml && kubectl describe networkpolicy -n <namespace>`,
  compliance: [
    { framework: 'PCI-DSS', control: '1.3.1' },
    { framework: 'SOC 2', control: 'CC6.6' },
    { framework: 'SOC 2', control: 'CC6.1' },
  ],
};
