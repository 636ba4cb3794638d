import type { CheckDefinition } from '../check-definition';
import { certLabel } from './cert-label';
import { engineCertificateFiles } from './engine-certificate-files';
import { showServedChain } from './show-served-chain';
import { outcomeVerdict } from '../outcome-verdict';

export const certChainCompleteCheck: CheckDefinition = {
  id: 'cert.chain_complete',
  title: 'Server sends every intermediate certificate',
  area: 'certificate',
  severity: 'medium',
  why: 'Database clients do not fetch missing intermediates (no AIA chasing in libpq, JDBC or redis clients); a server that omits one is trusted only by clients that happen to hold it, and the rest fail or are told to stop verifying.',
  evaluate: (obs) =>
    outcomeVerdict(obs.certificate, (c) => {
      const missing = c.path.missingIssuer;
      const evidence = { missingIssuer: missing, anchor: c.path.anchor ? c.path.anchor.subject : null, served: c.chain.map((cert) => cert.subject) };
      if (c.chain.length === 0) return { status: 'error', summary: 'the server presented no certificate', evidence };
      if (missing?.inBundle) return { status: 'fail', summary: `intermediate ${certLabel(missing.subject)} not served; only clients that hold it (as Posture's bundle does) can verify`, evidence };
      if (missing) return { status: 'fail', summary: `issuer ${certLabel(missing.subject)} neither served nor in the ${c.caSource === 'configured' ? 'configured CA bundle' : 'system CA store'}`, evidence };
      if (c.chain[0]?.selfSigned) return { status: 'pass', summary: 'self-signed: no intermediate to send', evidence };
      return { status: 'pass', summary: c.path.anchor ? `path complete to ${certLabel(c.path.anchor.subject)}` : 'path complete', evidence };
    }),
  remediation: `See what the server sends and what is missing:
${showServedChain('-showcerts </dev/null')}
  openssl verify -CAfile root.crt -untrusted intermediate.crt server.crt

Append every intermediate after the server certificate (leaf first):
  cat server.crt intermediate.crt > server-chain.crt

Install server-chain.crt as the certificate file, and have the server load it:
${engineCertificateFiles}`,
  compliance: [
    { framework: 'PCI-DSS', control: '4.2.1' },
    { framework: 'SOC 2', control: 'CC6.7' },
  ],
};
