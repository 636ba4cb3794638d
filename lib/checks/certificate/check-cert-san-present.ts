import type { CheckDefinition } from '../check-definition';
import { certCommonName } from './cert-label';
import { engineCertificateFiles } from './engine-certificate-files';
import { outcomeVerdict } from '../outcome-verdict';

export const certSanPresentCheck: CheckDefinition = {
  id: 'cert.san_present',
  title: 'Certificate names its host in a SAN',
  area: 'certificate',
  severity: 'medium',
  why: 'RFC 6125 clients, browsers and Go-based tools match only the Subject Alternative Name; a CN-only certificate fails their hostname verification, which pushes operators to turn verification off.',
  evaluate: (obs) =>
    outcomeVerdict(obs.certificate, (c) => {
      const leaf = c.chain[0];
      const sans = leaf?.subjectAltNames ?? [];
      const commonName = leaf ? certCommonName(leaf.subject) : null;
      const evidence = { subjectAltNames: sans, commonName };
      if (!leaf) return { status: 'error', summary: 'the server presented no certificate', evidence };
      if (sans.length > 0) return { status: 'pass', summary: `SAN ${sans.join(', ')}`, evidence };
      return { status: 'fail', summary: `no subjectAltName: CN-only certificate (CN=${commonName ?? 'none'})`, evidence };
    }),
  remediation: `See whether the certificate carries a SAN:
  openssl x509 -noout -ext subjectAltName -subject -in server.crt

Re-issue it with every name clients use in the SAN (the CN alone is ignored by modern clients):
  openssl req -new -newkey rsa:4096 -nodes -keyout server.key -out server.csr -subj "/CN=<host>" \\
    -addext "subjectAltName=DNS:<host>,IP:<address>"
  openssl x509 -req -sha256 -days 365 -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial \\
    -copy_extensions copy -out server.crt

Install it, and have the server load it:
${engineCertificateFiles}`,
  compliance: [
    { framework: 'PCI-DSS', control: '4.2.1' },
    { framework: 'SOC 2', control: 'CC6.7' },
  ],
};
