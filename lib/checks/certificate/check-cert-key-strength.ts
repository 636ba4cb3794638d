import type { CheckDefinition } from '../check-definition';
import { engineCertificateFiles } from './engine-certificate-files';
import { judgeCertKey } from './cert-key-bits';
import { certLabel } from './cert-label';
import { outcomeVerdict } from '../outcome-verdict';

export const certKeyStrengthCheck: CheckDefinition = {
  id: 'cert.key_strength',
  title: 'Certificate keys are strong',
  area: 'certificate',
  severity: 'high',
  why: 'RSA keys under 2048 bits and EC keys under 256 bits are within reach of well-funded attackers; a factored key lets them impersonate the server or decrypt recorded sessions.',
  evaluate: (obs) =>
    outcomeVerdict(obs.certificate, (c) => {
      const judged = c.chain.map((cert) => ({ cert, verdict: judgeCertKey(cert) }));
      const keys = judged.map(({ cert, verdict }) => ({
        subject: cert.subject,
        keyType: cert.keyType,
        keyBits: cert.keyBits,
        curve: cert.curve,
        verdict: verdict.status,
      }));
      const evidence = { keys };
      if (judged.length === 0) return { status: 'error', summary: 'the server presented no certificate', evidence };
      const weak = judged.filter((j) => j.verdict.status === 'weak');
      if (weak.length > 0) {
        const list = weak.map((j) => `${certLabel(j.cert.subject)}: ${j.verdict.reason}`).join('; ');
        return { status: 'fail', summary: `weak key: ${list}`, evidence };
      }
      const unknown = judged.filter((j) => j.verdict.status === 'unknown');
      if (unknown.length > 0) {
        const list = unknown.map((j) => `${certLabel(j.cert.subject)}: ${j.verdict.reason}`).join('; ');
        return { status: 'error', summary: `key strength unknown: ${list}`, evidence };
      }
      const leaf = c.chain[0];
      const leafKey = leaf ? `${leaf.keyType.toUpperCase()}${leaf.keyBits ? ` ${leaf.keyBits}` : ''}` : '';
      return { status: 'pass', summary: `all ${judged.length} certificate keys are strong (leaf ${leafKey})`, evidence };
    }),
  remediation: `Check the key in use:
  openssl x509 -noout -text -in server.crt | grep 'Public-Key'

Generate a new key and CSR: RSA 4096 (or at least 2048), or EC P-256/P-384:
  openssl req -new -newkey rsa:4096 -nodes -keyout server.key -out server.csr -subj "/CN=<host>" -addext "subjectAltName=DNS:<host>"
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout server.key -out server.csr -subj "/CN=<host>"

Have the CA sign it, install server.crt and server.key, and have the server load them:
${engineCertificateFiles}

A weak intermediate or root means the CA itself must be re-keyed: ask its owner for a new chain.`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '6.8' },
    { framework: 'PCI-DSS', control: '4.2.1' },
    { framework: 'SOC 2', control: 'CC6.7' },
    { framework: 'GDPR', control: 'Art. 32(1)(a)' },
  ],
};
