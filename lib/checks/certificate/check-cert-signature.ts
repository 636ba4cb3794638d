import type { CheckDefinition } from '../check-definition';
import { engineCertificateFiles } from './engine-certificate-files';
import { certLabel } from './cert-label';
import { outcomeVerdict } from '../outcome-verdict';

/** md5, sha1 and sha-1 in any spelling ("sha1WithRSAEncryption", "ecdsa-with-SHA1"), never sha128/sha256. */
const weakDigest = /md[245]|sha-?1(?![0-9])/i;

export const certSignatureCheck: CheckDefinition = {
  id: 'cert.signature',
  title: 'No MD5 or SHA-1 certificate signatures',
  area: 'certificate',
  severity: 'high',
  why: 'MD5 and SHA-1 signatures can be forged with chosen-prefix collisions, so a certificate signed with them no longer proves who issued it.',
  evaluate: (obs) =>
    outcomeVerdict(obs.certificate, (c) => {
      // A self-signed root's own signature is never checked by clients, so only the leaf and issued certificates count.
      const judged = c.chain.map((cert, i) => ({ cert, counts: i === 0 || !cert.selfSigned }));
      const signatures = judged.map(({ cert, counts }) => ({ subject: cert.subject, signatureAlgorithm: cert.signatureAlgorithm, selfSigned: cert.selfSigned, judged: counts }));
      const evidence = { signatures };
      if (judged.length === 0) return { status: 'error', summary: 'the server presented no certificate', evidence };
      const weak = judged.filter(({ cert, counts }) => counts && weakDigest.test(cert.signatureAlgorithm));
      if (weak.length > 0) {
        const list = weak.map(({ cert }) => `${certLabel(cert.subject)} (${cert.signatureAlgorithm})`).join('; ');
        return { status: 'fail', summary: `weak signature: ${list}`, evidence };
      }
      return { status: 'pass', summary: `leaf signed with ${c.chain[0]?.signatureAlgorithm ?? 'unknown'}; no MD5/SHA-1 in the chain`, evidence };
    }),
  remediation: `Check the signature algorithm of each certificate you serve:
  openssl x509 -noout -text -in server.crt | grep 'Signature Algorithm'

Have the CA re-issue the certificate with SHA-256 or stronger. For your own CA:
  openssl x509 -req -sha256 -days 365 -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out server.crt

If an intermediate is SHA-1 signed, replace the whole chain with a current one from the CA.

Install the new certificate, and have the server load it:
${engineCertificateFiles}`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '6.8' },
    { framework: 'PCI-DSS', control: '4.2.1' },
    { framework: 'SOC 2', control: 'CC6.7' },
  ],
};
