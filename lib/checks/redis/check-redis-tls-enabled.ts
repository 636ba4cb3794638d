import type { CheckDefinition } from '../check-definition';
import { engineOutcome } from '../engine-outcome';
import { outcomeVerdict } from '../outcome-verdict';

export const redisTlsEnabledCheck: CheckDefinition = {
  id: 'redis.tls.enabled',
  title: 'Redis serves TLS (rediss://)',
  area: 'tls',
  severity: 'critical',
  why: 'Redis sends AUTH passwords, keys and values as plain bytes; without TLS anyone on the path can read sessions and cached data or inject commands.',
  evaluate: (obs) =>
    outcomeVerdict(engineOutcome(obs.redis, 'Redis'), (r) => {
      const onPort = r.plaintext.find((p) => p.port === r.tls.port);
      const evidence = {
        port: r.tls.port,
        protocol: r.tls.handshake?.protocol ?? null,
        cipher: r.tls.handshake?.cipher ?? null,
        handshakeError: r.tls.error,
        plaintextAnswer: onPort?.answer ?? null,
        plaintextReply: onPort?.detail ?? null,
      };
      if (r.tls.handshake) {
        return { status: 'pass', summary: `port ${r.tls.port} negotiated ${r.tls.handshake.protocol ?? 'TLS'}${r.tls.handshake.cipher ? ` with ${r.tls.handshake.cipher}` : ''}`, evidence };
      }
      if (onPort?.answer === 'speaks-protocol') {
        return { status: 'fail', summary: `port ${r.tls.port} speaks plaintext Redis (PING → ${onPort.detail}), not TLS`, evidence };
      }
      return { status: 'fail', summary: `TLS handshake on port ${r.tls.port} failed: ${r.tls.error ?? 'no reason given'}`, evidence };
    }),
  remediation: `Give Redis a certificate and serve TLS only (redis.conf, Redis 6+ built with TLS):
  port 0
  tls-port 6379
  tls-cert-file /etc/redis/tls/redis.crt
  tls-key-file /etc/redis/tls/redis.key
  tls-ca-cert-file /etc/redis/tls/ca.crt
  tls-auth-clients optional
  tls-protocols "TLSv1.2 TLSv1.3"

Restart Redis, then connect with rediss:// URLs, or:
  redis-cli --tls --cacert ca.crt -h <host> -p <port> PING`,
  compliance: [
    { framework: 'PCI-DSS', control: '4.2.1' },
    { framework: 'GDPR', control: 'Art. 32(1)(a)' },
    { framework: 'SOC 2', control: 'CC6.7' },
  ],
};
