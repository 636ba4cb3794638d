import { rabbitmqManagementHttpsCheck as check } from './check-rabbitmq-management-https';
import { healthyRabbitMq, rabbitmqObservations } from './test-fixtures';
import { describeVerdicts } from './verdict-cases';

const m = healthyRabbitMq().management;

describeVerdicts(check, [
  { name: 'HTTPS only', obs: rabbitmqObservations(), status: 'pass', summary: /HTTPS on port 15671 \(GET \/api\/overview → 401\)/ },
  { name: 'plain HTTP', obs: rabbitmqObservations({ management: { ...m, plaintext: { port: 15672, answer: 'speaks-protocol', detail: 'HTTP/1.1 401 Unauthorized' } } }), status: 'fail', summary: /plain HTTP on port 15672/ },
  { name: 'no management API', obs: rabbitmqObservations({ management: { ...m, httpsStatus: null, httpsError: 'ECONNREFUSED' } }), status: 'pass', summary: /no management API listening/ },
]);
