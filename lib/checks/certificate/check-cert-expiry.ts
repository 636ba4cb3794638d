import type { CheckDefinition } from '../check-definition';
import { engineCertificateFiles } from './engine-certificate-files';
import { showServedChain } from './show-served-chain';
import { certLabel } from './cert-label';
import { formatCount } from '../format-count';
import { formatIsoDay } from '../format-iso-day';
import { observationNow } from '../observation-now';
import { outcomeVerdict } from '../outcome-verdict';

/** ARCHITECTURE: fail if expired or ≤ 14 days left, warn if ≤ 30 days. */
const certExpiryFailDays = 14;
const certExpiryWarnDays = 30;

export const certExpiryCheck: CheckDefinition = {
  id: 'cert.expiry',
  title: 'Certificate is not about to expire',
  area: 'certificate',
  severity: 'critical',
  why: 'When any certificate in the served chain expires, clients that verify it (sslmode=verify-ca/verify-full) stop connecting at once; renewing weeks ahead avoids an outage.',
  evaluate: (obs) =>
    outcomeVerdict(obs.certificate, (c) => {
      const leaf = c.chain[0];
      const notAfterMs = Date.parse(c.earliestNotAfter);
      const expired = c.daysLeft < 0 || (!Number.isNaN(notAfterMs) && notAfterMs < observationNow(obs));
      const day = formatIsoDay(c.earliestNotAfter);
      const whose = leaf && leaf.subject !== c.earliestSubject ? `, ${certLabel(c.earliestSubject)}` : '';
      const earliest = c.chain.find((x) => x.notAfter === c.earliestNotAfter) ?? leaf;
      // The fingerprint keys expiry alerts: a renewed certificate starts its thresholds afresh.
      const evidence = {
        earliestNotAfter: c.earliestNotAfter,
        earliestSubject: c.earliestSubject,
        daysLeft: c.daysLeft,
        leafNotAfter: leaf?.notAfter ?? null,
        fingerprint256: earliest?.fingerprint256 ?? null,
      };
      if (expired) {
        const ago = Math.max(0, -c.daysLeft);
        const when = ago === 0 ? 'expired today' : `expired ${formatCount(ago, 'day')} ago`;
        return { status: 'fail', summary: `${when} (${day}${whose})`, evidence, cap: 'F' };
      }
      const left = c.daysLeft === 0 ? 'expires today' : `${formatCount(c.daysLeft, 'day')} left`;
      const summary = `notAfter ${day} (${left}${whose})`;
      if (c.daysLeft <= certExpiryFailDays) return { status: 'fail', summary, evidence };
      if (c.daysLeft <= certExpiryWarnDays) return { status: 'warn', summary, evidence };
      return { status: 'pass', summary, evidence };
    }),
  remediation: `See what the server serves now:
${showServedChain('</dev/null 2>/dev/null | openssl x509 -noout -subject -dates')}
  openssl x509 -noout -dates -in server.crt

Issue a new key and CSR (the host name in the SAN), and have your CA sign it:
  openssl req -new -newkey rsa:4096 -nodes -keyout server.key -out server.csr \\
    -subj "/CN=<host>" -addext "subjectAltName=DNS:<host>"

Install server.crt (with any intermediates appended) and server.key, and have the server load them:
${engineCertificateFiles}

On Kubernetes, update the TLS Secret (or let cert-manager renew it) and restart:
  kubectl rollout restart statefulset/<name> -n <namespace>`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '6.8' },
    { framework: 'PCI-DSS', control: '4.2.1' },
    { framework: 'SOC 2', control: 'CC6.7' },
    { framework: 'GDPR', control: 'Art. 32(1)(b)' },
  ],
};
