import { etcdAuthEnabledCheck as check } from './check-etcd-auth-enabled';
import { etcdObservations } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

const read = (status: number, body: string) => ({ unauthenticatedRead: { status, headers: {}, body, error: null } });

describeVerdicts(check, [
  { name: 'gateway CN guard (auth on with client-cert-auth)', obs: etcdObservations(), status: 'pass', summary: /refused: HTTP 400 CommonName/ },
  { name: 'user name is empty', obs: etcdObservations(read(400, '{"error":"etcdserver: user name is empty","code":3}')), status: 'pass', summary: /user name is empty/ },
  { name: 'invalid token', obs: etcdObservations(read(401, '{"error":"etcdserver: invalid auth token","code":16}')), status: 'pass' },
  { name: 'served', obs: etcdObservations(read(200, '{"header":{"revision":"1"}}')), status: 'fail', summary: /auth is disabled/ },
  { name: 'something else', obs: etcdObservations(read(503, 'etcdserver: leader changed')), status: 'error', summary: /503/ },
  { name: 'no client certificate to get past TLS', obs: etcdObservations({ clientCertUsed: false, unauthenticatedRead: null }), status: 'skip', summary: /POSTURE_CLIENT_CERT_FILE/ },
]);
