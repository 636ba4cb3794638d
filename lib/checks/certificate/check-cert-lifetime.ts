import type { CheckDefinition } from '../check-definition';
import { engineCertificateFiles } from './engine-certificate-files';
import { outcomeVerdict } from '../outcome-verdict';

/** The CA/Browser Forum's ceiling for server certificates since September 2020. */
export const maxLifetimeDays = 398;

export const certLifetimeCheck: CheckDefinition = {
  id: 'cert.lifetime',
  title: `Certificate lifetime at most ${maxLifetimeDays} days`,
  area: 'certificate',
  severity: 'low',
  why: 'A long-lived certificate keeps a leaked key usable for years and means renewal is done by hand, rarely, and forgotten; short lifetimes force the automation that makes rotation routine.',
  evaluate: (obs) =>
    outcomeVerdict(obs.certificate, (c) => {
      const leaf = c.chain[0];
      if (!leaf) return { status: 'error', summary: 'the server presented no certificate', evidence: {} };
      const lifetimeDays = Math.round((Date.parse(leaf.notAfter) - Date.parse(leaf.notBefore)) / 86_400_000);
      const evidence = { notBefore: leaf.notBefore, notAfter: leaf.notAfter, lifetimeDays, maxLifetimeDays };
      const span = `${leaf.notBefore.slice(0, 10)} → ${leaf.notAfter.slice(0, 10)}`;
      if (lifetimeDays > maxLifetimeDays) return { status: 'warn', summary: `valid for ${lifetimeDays} days (${span}), over ${maxLifetimeDays}`, evidence };
      return { status: 'pass', summary: `valid for ${lifetimeDays} days (${span})`, evidence };
    }),
  remediation: `See the validity period:
  openssl x509 -noout -dates -in server.crt

Issue server certificates for ${maxLifetimeDays} days or less, and renew them automatically (cert-manager on Kubernetes, an ACME client or your CA's agent on hosts):
  openssl x509 -req -sha256 -days 365 -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -copy_extensions copy -out server.crt

Install it, and have the server load it:
${engineCertificateFiles}`,
  compliance: [
    { framework: 'SOC 2', control: 'CC6.1' },
  ],
};
