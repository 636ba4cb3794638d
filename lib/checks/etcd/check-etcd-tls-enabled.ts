import type { CheckDefinition } from '../check-definition';
import { engineOutcome } from '../engine-outcome';
import { outcomeVerdict } from '../outcome-verdict';

export const etcdTlsEnabledCheck: CheckDefinition = {
  id: 'etcd.tls.enabled',
  title: 'etcd client port serves TLS only',
  area: 'tls',
  severity: 'critical',
  why: 'etcd holds the cluster’s leader lock and configuration (for Patroni, the whole PostgreSQL topology); in clear, anyone on the path can read it or steer a failover.',
  evaluate: (obs) =>
    outcomeVerdict(engineOutcome(obs.etcd, 'etcd'), (e) => {
      const evidence = {
        port: e.tls.port,
        protocol: e.tls.handshake?.protocol ?? null,
        cipher: e.tls.handshake?.cipher ?? null,
        handshakeError: e.tls.error,
        plaintextAnswer: e.plaintext.answer,
        plaintextReply: e.plaintext.detail,
      };
      if (e.plaintext.answer === 'speaks-protocol') return { status: 'fail', summary: `port ${e.tls.port} answers HTTP in clear (${e.plaintext.detail})`, evidence };
      if (!e.tls.handshake) return { status: 'fail', summary: `TLS handshake on port ${e.tls.port} failed: ${e.tls.error ?? 'no reason given'}`, evidence };
      return { status: 'pass', summary: `port ${e.tls.port} negotiated ${e.tls.handshake.protocol ?? 'TLS'}; no HTTP answer in clear`, evidence };
    }),
  remediation: `Serve the client port over HTTPS only (etcd flags, or the same keys in etcd.conf.yml):
  --listen-client-urls https://10.0.0.5:2379
  --advertise-client-urls https://10.0.0.5:2379
  --cert-file /etc/etcd/pki/server.crt
  --key-file /etc/etcd/pki/server.key
  --trusted-ca-file /etc/etcd/pki/ca.crt

Do the same for peers (--listen-peer-urls https://…, --peer-cert-file, --peer-key-file, --peer-trusted-ca-file, --peer-client-cert-auth), restart each member, and give clients https:// endpoints, e.g. in patroni.yml:
  etcd3:
    protocol: https`,
  compliance: [
    { framework: 'PCI-DSS', control: '4.2.1' },
    { framework: 'GDPR', control: 'Art. 32(1)(a)' },
    { framework: 'SOC 2', control: 'CC6.7' },
  ],
};
