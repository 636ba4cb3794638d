import { k8sServiceNotExposedCheck as check } from './check-k8s-service-not-exposed';
import { noPods, service, withContainers, withServices } from '../../../tests/fixtures/k8s-test-fixtures';
import { failed, healthyObservations, skipped, withData, withOutcome } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'ClusterIP', obs: healthyObservations(), status: 'pass', summary: /^ClusterIP only: postgres \(ClusterIP\)$/ },
  { name: 'headless and no others', obs: withServices(service({ name: 'postgres-hl' })), status: 'pass' },
  { name: 'no Service', obs: withServices(), status: 'pass', summary: /no Service selects the database pods/ },
  { name: 'NodePort', obs: withServices(service(), service({ name: 'pg-ext', type: 'NodePort', nodePorts: [30432] })), status: 'fail', summary: /^Service pg-ext: type NodePort \(nodePort 30432\)$/ },
  { name: 'LoadBalancer with an address', obs: withServices(service({ type: 'LoadBalancer', loadBalancerIngress: ['203.0.113.7'] })), status: 'fail', summary: /type LoadBalancer, load balancer 203\.0\.113\.7/ },
  { name: 'externalIPs on a ClusterIP', obs: withServices(service({ externalIPs: ['198.51.100.2'] })), status: 'fail', summary: /externalIPs 198\.51\.100\.2/ },
  { name: 'hostPort on the container', obs: withContainers({ hostPorts: [5432] }), status: 'fail', summary: /postgres-0\/postgres hostPort 5432/ },
  { name: 'Services not listable', obs: withData('k8sWorkload', { services: { status: 'error', message: 'Kubernetes API answered 403 Forbidden' } }), status: 'error', summary: /^Services could not be listed: .*403/ },
  { name: 'no pods', obs: noPods(), status: 'error' },
  { name: 'skipped', obs: withOutcome('k8sWorkload', skipped('no refs')), status: 'skip' },
  { name: 'API error', obs: withOutcome('k8sWorkload', failed('timeout')), status: 'error' },
]);
