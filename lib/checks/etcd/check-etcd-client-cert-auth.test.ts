import { etcdClientCertAuthCheck as check } from './check-etcd-client-cert-auth';
import { etcdObservations } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'refused without a certificate', obs: etcdObservations(), status: 'pass', summary: /refused: tlsv13 alert certificate required/ },
  {
    name: 'served without a certificate',
    obs: etcdObservations({ withoutClientCert: { status: 200, headers: {}, body: '{"etcdserver":"3.4.23"}', error: null } }),
    status: 'fail',
    summary: /GET \/version → HTTP 200/,
  },
  { name: 'no TLS at all', obs: etcdObservations({ tls: { port: 2379, handshake: null, error: 'reset' } }), status: 'skip', summary: /etcd\.tls\.enabled/ },
]);
