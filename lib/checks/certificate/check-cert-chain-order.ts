import type { CheckDefinition } from '../check-definition';
import { certLabel } from './cert-label';
import { engineCertificateFiles } from './engine-certificate-files';
import { showServedChain } from './show-served-chain';
import { outcomeVerdict } from '../outcome-verdict';

export const certChainOrderCheck: CheckDefinition = {
  id: 'cert.chain_order',
  title: 'Served chain is in order, leaf first, nothing extra',
  area: 'certificate',
  severity: 'low',
  why: 'RFC 5246 requires each certificate to certify the one before it; strict clients (older OpenSSL, Java, embedded drivers) fail on a shuffled chain or one padded with unrelated certificates, and the extra ones cost bytes on every handshake.',
  evaluate: (obs) =>
    outcomeVerdict(obs.certificate, (c) => {
      const served = c.chain.map((cert) => certLabel(cert.subject));
      const evidence = { served, ordered: c.path.ordered, unrelated: c.path.unrelated };
      if (served.length === 0) return { status: 'error', summary: 'the server presented no certificate', evidence };
      const problems = [
        ...(c.path.ordered ? [] : ['not in issuing order']),
        ...(c.path.unrelated.length > 0 ? [`${c.path.unrelated.length} unrelated: ${c.path.unrelated.map(certLabel).join('; ')}`] : []),
      ];
      if (problems.length > 0) return { status: 'warn', summary: `served ${served.join(' → ')}: ${problems.join(', ')}`, evidence };
      return { status: 'pass', summary: served.length === 1 ? `one certificate served (${served[0]})` : `served in order: ${served.join(' → ')}`, evidence };
    }),
  remediation: `See the order the server sends:
${showServedChain("-showcerts </dev/null | grep -E '^ *[0-9] s:|i:'")}

Rebuild the certificate file as the server certificate first, then each intermediate in issuing order, and nothing else (the root is optional):
  cat server.crt intermediate.crt > server-chain.crt

Install server-chain.crt as the certificate file, and have the server load it:
${engineCertificateFiles}`,
  compliance: [{ framework: 'SOC 2', control: 'CC6.7' }],
};
