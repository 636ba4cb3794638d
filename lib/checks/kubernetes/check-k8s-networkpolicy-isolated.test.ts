import { k8sNetworkPolicyIsolatedCheck as check } from './check-k8s-networkpolicy-isolated';
import { noPods, policy, withPolicies } from '../../../tests/fixtures/k8s-test-fixtures';
import { failed, healthyObservations, skipped, withData, withOutcome } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'named peers', obs: healthyObservations(), status: 'pass', summary: /^ingress only from pods app=api in db$/ },
  { name: 'deny all', obs: withPolicies(policy({ ingress: [] })), status: 'pass', summary: /^all ingress denied by postgres-ingress$/ },
  { name: 'no policy', obs: withPolicies(), status: 'fail', summary: /^no ingress NetworkPolicy selects postgres-0$/ },
  { name: 'a policy that selects other pods', obs: withPolicies(policy({ selects: [] })), status: 'fail', summary: /no ingress NetworkPolicy selects postgres-0/ },
  { name: 'egress-only policy', obs: withPolicies(policy({ policyTypes: ['Egress'] })), status: 'fail' },
  { name: 'rule without from', obs: withPolicies(policy({ ingress: [{ from: [{ peer: 'anywhere (rule has no from)', scope: 'anywhere' }], ports: ['TCP/5432'] }] })), status: 'fail', summary: /ingress open to anywhere/ },
  { name: 'every namespace', obs: withPolicies(policy({ ingress: [{ from: [{ peer: 'all pods in namespaces (all)', scope: 'cluster' }], ports: ['all ports'] }] })), status: 'fail' },
  { name: 'whole namespace', obs: withPolicies(policy({ ingress: [{ from: [{ peer: 'pods (all) in db', scope: 'namespace' }], ports: ['TCP/5432'] }] })), status: 'warn', summary: /every pod of a namespace/ },
  { name: 'policies not listable', obs: withData('k8sWorkload', { networkPolicies: { status: 'error', message: 'cannot list resource "networkpolicies"' } }), status: 'error', summary: /^NetworkPolicies could not be listed: cannot list resource "networkpolicies"$/ },
  { name: 'no pods', obs: noPods(), status: 'error' },
  { name: 'skipped', obs: withOutcome('k8sWorkload', skipped('no refs')), status: 'skip' },
  { name: 'API error', obs: withOutcome('k8sWorkload', failed('timeout')), status: 'error' },
]);
