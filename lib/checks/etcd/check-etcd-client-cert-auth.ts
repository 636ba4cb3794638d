import type { CheckDefinition } from '../check-definition';
import { engineOutcome } from '../engine-outcome';
import { outcomeVerdict } from '../outcome-verdict';

export const etcdClientCertAuthCheck: CheckDefinition = {
  id: 'etcd.client_cert_auth',
  title: 'etcd requires a client certificate',
  area: 'tls',
  severity: 'high',
  why: 'With --client-cert-auth only holders of a certificate from the cluster CA get past the handshake, so a stolen password or an unauthenticated endpoint alone does not expose the store.',
  evaluate: (obs) =>
    outcomeVerdict(engineOutcome(obs.etcd, 'etcd'), (e) => {
      const w = e.withoutClientCert;
      const evidence = { status: w.status, error: w.error, body: w.body?.slice(0, 200) ?? null };
      if (!e.tls.handshake) return { status: 'skip', summary: `no TLS on port ${e.tls.port}, so no client certificate can be asked for (see etcd.tls.enabled)`, evidence };
      if (w.status !== null) return { status: 'fail', summary: `a client without a certificate is served: GET /version → HTTP ${w.status}`, evidence };
      return { status: 'pass', summary: `a client without a certificate is refused: ${w.error ?? 'connection closed'}`, evidence };
    }),
  remediation: `Require client certificates from the cluster CA (flags, or client-transport-security in etcd.conf.yml):
  --client-cert-auth
  --trusted-ca-file /etc/etcd/pki/ca.crt

Restart each member, then issue every client (Patroni, etcdctl, Posture) its own certificate with extendedKeyUsage clientAuth; for Patroni:
  etcd3:
    cacert: /etc/patroni/pki/ca.crt
    cert: /etc/patroni/pki/etcd-client.crt
    key: /etc/patroni/pki/etcd-client.key

Posture presents POSTURE_CLIENT_CERT_FILE / POSTURE_CLIENT_KEY_FILE.`,
  compliance: [
    { framework: 'PCI-DSS', control: '8.3.2' },
    { framework: 'SOC 2', control: 'CC6.1' },
    { framework: 'SOC 2', control: 'CC6.6' },
  ],
};
