import type { CheckDefinition } from '../check-definition';
import { engineOutcome } from '../engine-outcome';
import { outcomeVerdict } from '../outcome-verdict';

export const patroniTlsEnabledCheck: CheckDefinition = {
  id: 'patroni.tls.enabled',
  title: 'Patroni REST API serves HTTPS only',
  area: 'tls',
  severity: 'critical',
  why: 'The REST API carries the basic-auth password for restarts, switchovers and configuration changes; in clear, anyone on the path can capture it and take over the cluster.',
  evaluate: (obs) =>
    outcomeVerdict(engineOutcome(obs.patroni, 'Patroni'), (p) => {
      const evidence = {
        port: p.tls.port, protocol: p.tls.handshake?.protocol ?? null, handshakeError: p.tls.error, httpStatus: p.status.httpStatus,
        version: p.status.version, plaintextAnswer: p.plaintext.answer, plaintextReply: p.plaintext.detail,
      };
      if (p.plaintext.answer === 'speaks-protocol') {
        const passwords = p.unsafeCalls.some((c) => c.httpStatus === 401);
        const summary = `port ${p.tls.port} answers HTTP in clear (${p.plaintext.detail})`;
        // A 401 in clear means operators send the REST API password there unencrypted.
        return passwords ? { status: 'fail', summary: `${summary}; its basic-auth password travels in clear`, evidence, cap: 'F' } : { status: 'fail', summary, evidence };
      }
      if (!p.tls.handshake) return { status: 'fail', summary: `TLS handshake on port ${p.tls.port} failed: ${p.tls.error ?? 'no reason given'}`, evidence };
      const answer = p.status.httpStatus === null ? `no HTTP answer (${p.status.error ?? 'closed'})` : `GET /patroni → HTTP ${p.status.httpStatus}`;
      return { status: 'pass', summary: `port ${p.tls.port} negotiated ${p.tls.handshake.protocol ?? 'TLS'}; ${answer}; nothing in clear`, evidence };
    }),
  remediation: `Give the REST API a certificate (patroni.yml, on every member), then reload Patroni:
  restapi:
    listen: 0.0.0.0:8443
    connect_address: <member-host>:8443
    certfile: /etc/patroni/pki/restapi.crt
    keyfile: /etc/patroni/pki/restapi.key
    cafile: /etc/patroni/pki/ca.crt

Point patronictl and load-balancer health checks at https:// (HAProxy: check-ssl verify required ca-file ca.crt), and give patronictl the CA:
  ctl:
    cacert: /etc/patroni/pki/ca.crt`,
  compliance: [
    { framework: 'PCI-DSS', control: '4.2.1' },
    { framework: 'PCI-DSS', control: '8.3.2' },
    { framework: 'GDPR', control: 'Art. 32(1)(a)' },
    { framework: 'SOC 2', control: 'CC6.7' },
  ],
};
