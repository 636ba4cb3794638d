import type { CheckDefinition } from '../check-definition';
import { engineCertificateFiles } from './engine-certificate-files';
import { outcomeVerdict } from '../outcome-verdict';

const serverAuth = '1.3.6.1.5.5.7.3.1';
const anyExtendedKeyUsage = '2.5.29.37.0';
const names: Record<string, string> = {
  [serverAuth]: 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
  [anyExtendedKeyUsage]: 'anyExtendedKeyUsage',
};

export const certEkuServerAuthCheck: CheckDefinition = {
  id: 'cert.eku_server_auth',
  title: 'Certificate is issued for TLS servers (EKU serverAuth)',
  area: 'certificate',
  severity: 'medium',
  why: 'A certificate whose extended key usage leaves out serverAuth was issued for something else (a client, code signing); verifying clients reject it, and a CA that hands such certificates to servers is not enforcing what they are for.',
  evaluate: (obs) =>
    outcomeVerdict(obs.certificate, (c) => {
      const leaf = c.chain[0];
      if (!leaf) return { status: 'error', summary: 'the server presented no certificate', evidence: {} };
      const usages = leaf.extKeyUsage?.map((oid) => names[oid] ?? oid) ?? null;
      const evidence = { extendedKeyUsage: usages };
      if (usages === null) return { status: 'warn', summary: 'no extended key usage extension: the certificate may be used for anything', evidence };
      if (leaf.extKeyUsage?.includes(serverAuth)) return { status: 'pass', summary: `extended key usage ${usages.join(', ')}`, evidence };
      if (leaf.extKeyUsage?.includes(anyExtendedKeyUsage)) return { status: 'warn', summary: 'extended key usage anyExtendedKeyUsage: not restricted to TLS servers', evidence };
      return { status: 'fail', summary: `extended key usage ${usages.join(', ') || '(empty)'} lacks serverAuth`, evidence };
    }),
  remediation: `See the extended key usage:
  openssl x509 -noout -ext extendedKeyUsage -in server.crt

Re-issue the certificate with serverAuth (add clientAuth only if the same certificate also authenticates as a client):
  openssl req -new -newkey rsa:4096 -nodes -keyout server.key -out server.csr -subj "/CN=<host>" \\
    -addext "subjectAltName=DNS:<host>" -addext "extendedKeyUsage=serverAuth"
  openssl x509 -req -sha256 -days 365 -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -copy_extensions copy -out server.crt

Install it, and have the server load it:
${engineCertificateFiles}`,
  compliance: [
    { framework: 'PCI-DSS', control: '4.2.1' },
    { framework: 'SOC 2', control: 'CC6.7' },
  ],
};
