import type { CheckDefinition, CheckVerdict } from '../check-definition';
import { formatIsoDay } from '../format-iso-day';
import { engineOutcome } from '../engine-outcome';
import { outcomeVerdict } from '../outcome-verdict';

/** Same lead time as the 14-day certificate-expiry email. */
const soonDays = 14;

export const rabbitmqManagementHttpsCheck: CheckDefinition = {
  id: 'rabbitmq.management.https',
  title: 'RabbitMQ management API is HTTPS only, with a valid certificate',
  area: 'tls',
  severity: 'medium',
  why: 'The management API takes administrator passwords with basic auth on every request. Over plain HTTP they are readable on the wire, and behind a certificate clients cannot verify they can be intercepted.',
  evaluate: (obs) =>
    outcomeVerdict(engineOutcome(obs.rabbitmq, 'RabbitMQ'), (r): CheckVerdict => {
      const m = r.management;
      const c = m.certificate ?? null;
      const certificate = c
        ? { subject: c.chain[0]?.subject ?? null, notAfter: c.earliestNotAfter, daysLeft: c.daysLeft, trusted: c.trusted, trustError: c.trustError, hostnameMatches: c.hostnameMatches, fingerprint256: c.chain[0]?.fingerprint256 ?? null }
        : null;
      const evidence = { httpsPort: m.port, httpsStatus: m.httpsStatus, httpsError: m.httpsError, plaintextPort: m.plaintext.port, plaintextAnswer: m.plaintext.answer, plaintextReply: m.plaintext.detail, certificate };
      if (m.plaintext.answer === 'speaks-protocol') return { status: 'fail', summary: `the management API answers plain HTTP on port ${m.plaintext.port} (${m.plaintext.detail})`, evidence };
      if (m.httpsStatus === null) return { status: 'pass', summary: `no management API listening on ${m.port} (HTTPS) or ${m.plaintext.port} (HTTP)`, evidence };
      const https = `HTTPS on port ${m.port} (GET /api/overview → ${m.httpsStatus})`;
      // Administrators type their password into whatever answers here: a certificate nobody can verify invites interception.
      if (c && c.daysLeft < 0) return { status: 'fail', summary: `${https}, but its certificate expired on ${formatIsoDay(c.earliestNotAfter)}`, evidence };
      if (c && !c.trusted) return { status: 'fail', summary: `${https}, but its certificate is not trusted: ${c.trustError ?? 'no chain to the CA bundle'}`, evidence };
      if (c && !c.hostnameMatches) return { status: 'warn', summary: `${https}, but its certificate does not name ${c.host}`, evidence };
      if (c && c.daysLeft <= soonDays) return { status: 'warn', summary: `${https}; its certificate expires on ${formatIsoDay(c.earliestNotAfter)} (${c.daysLeft} days left)`, evidence };
      const valid = c ? `, certificate valid until ${formatIsoDay(c.earliestNotAfter)}` : '';
      return { status: 'pass', summary: `${https}${valid}; nothing in clear on ${m.plaintext.port}`, evidence };
    }),
  remediation: `Serve the management plugin over HTTPS only (rabbitmq.conf), leaving out any management.tcp.* lines, then restart:
  management.ssl.port       = 15671
  management.ssl.cacertfile = /etc/rabbitmq/tls/ca.crt
  management.ssl.certfile   = /etc/rabbitmq/tls/server.crt
  management.ssl.keyfile    = /etc/rabbitmq/tls/server.key

Renew an expired or untrusted certificate (signed by the CA clients trust, naming the host) and reload it:
  rabbitmqctl eval 'ssl:clear_pem_cache().'

If the API is on other ports, tag the target management-port:<n> (and management-plaintext-port:<n>) in Posture.`,
  compliance: [
    { framework: 'PCI-DSS', control: '4.2.1' },
    { framework: 'PCI-DSS', control: '8.3.2' },
    { framework: 'SOC 2', control: 'CC6.7' },
  ],
};
