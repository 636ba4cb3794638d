import type { CheckDefinition } from '../check-definition';
import { engineCertificateFiles } from './engine-certificate-files';
import { showServedChain } from './show-served-chain';
import { outcomeVerdict } from '../outcome-verdict';

export const certTrustedCheck: CheckDefinition = {
  id: 'cert.trusted',
  title: 'Certificate chain is trusted',
  area: 'certificate',
  severity: 'medium',
  why: 'A chain that does not verify against a trusted CA forces clients to turn verification off, which leaves them open to man-in-the-middle attacks.',
  evaluate: (obs) =>
    outcomeVerdict(obs.certificate, (c) => {
      const bundle = c.caSource === 'configured' ? 'the configured CA bundle' : 'the system CA store';
      const evidence = { trusted: c.trusted, trustError: c.trustError, caSource: c.caSource, issuer: c.chain[0]?.issuer ?? null };
      if (c.trusted) return { status: 'pass', summary: `chain verifies against ${bundle}`, evidence };
      return { status: 'fail', summary: `chain does not verify against ${bundle}: ${c.trustError ?? 'no reason given'}`, evidence };
    }),
  remediation: `See the chain the server presents:
${showServedChain('-showcerts </dev/null')}

Verify it against your CA:
  openssl verify -CAfile ca.crt -untrusted intermediate.crt server.crt

If an intermediate is missing, append it after the server certificate (leaf first), and have the server load it:
${engineCertificateFiles}

If the certificate is self-signed, replace it with one from your organisation's CA, or give Posture that CA bundle in the target's settings.`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '6.8' },
    { framework: 'PCI-DSS', control: '4.2.1' },
    { framework: 'SOC 2', control: 'CC6.7' },
  ],
};
