import { rabbitmqManagementHttpsCheck as check } from './check-rabbitmq-management-https';
import { certInfo, healthyRabbitMq, rabbitmqObservations } from '../../../tests/fixtures/test-fixtures';
import type { CertificateObservation } from '../../probes/observations/certificate';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

const m = healthyRabbitMq().management;
const cert = (patch: Partial<CertificateObservation> = {}): CertificateObservation => ({
  host: 'mq.example.com', chain: [certInfo({ subject: 'CN=mq.example.com' })], earliestNotAfter: '2027-06-01T00:00:00.000Z', earliestSubject: 'CN=mq.example.com',
  daysLeft: 200, hostnameMatches: true, trusted: true, trustError: null, caSource: 'configured',
  path: { ordered: true, unrelated: [], missingIssuer: null, anchor: null }, ...patch,
});
const withCert = (patch: Partial<CertificateObservation>) => rabbitmqObservations({ management: { ...m, certificate: cert(patch) } });

describeVerdicts(check, [
  { name: 'HTTPS only', obs: rabbitmqObservations(), status: 'pass', summary: /HTTPS on port 15671 \(GET \/api\/overview → 401\)/ },
  { name: 'plain HTTP', obs: rabbitmqObservations({ management: { ...m, plaintext: { port: 15672, answer: 'speaks-protocol', detail: 'HTTP/1.1 401 Unauthorized' } } }), status: 'fail', summary: /plain HTTP on port 15672/ },
  { name: 'no management API', obs: rabbitmqObservations({ management: { ...m, httpsStatus: null, httpsError: 'ECONNREFUSED' } }), status: 'pass', summary: /no management API listening/ },
  { name: 'HTTPS with a valid certificate', obs: withCert({}), status: 'pass', summary: /HTTPS on port 15671 .*certificate valid until 2027-06-01/ },
  { name: 'expired management certificate', obs: withCert({ daysLeft: -3, earliestNotAfter: '2026-11-20T00:00:00.000Z' }), status: 'fail', summary: /certificate expired on 2026-11-20/ },
  { name: 'untrusted management certificate', obs: withCert({ trusted: false, trustError: 'self-signed certificate' }), status: 'fail', summary: /not trusted: self-signed certificate/ },
  { name: 'certificate for another host', obs: withCert({ hostnameMatches: false }), status: 'warn', summary: /does not name mq.example.com/ },
  { name: 'certificate expiring within 14 days', obs: withCert({ daysLeft: 9 }), status: 'warn', summary: /9 days left/ },
  { name: 'plain HTTP beats a good HTTPS certificate', obs: rabbitmqObservations({ management: { ...m, certificate: cert(), plaintext: { port: 15672, answer: 'speaks-protocol', detail: 'HTTP/1.1 401' } } }), status: 'fail', summary: /plain HTTP/ },
]);
