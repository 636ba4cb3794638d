import type { CheckDefinition } from '../check-definition';
import { engineCertificateFiles } from './engine-certificate-files';
import { certCommonName } from './cert-label';
import { outcomeVerdict } from '../outcome-verdict';

export const certHostnameCheck: CheckDefinition = {
  id: 'cert.hostname',
  title: 'Certificate matches the host name',
  area: 'certificate',
  severity: 'medium',
  why: 'Clients using sslmode=verify-full refuse a certificate issued for another name, and clients that do not verify cannot tell the real server from an impostor.',
  evaluate: (obs) =>
    outcomeVerdict(obs.certificate, (c) => {
      const leaf = c.chain[0];
      const cn = leaf ? certCommonName(leaf.subject) : null;
      const sans = leaf?.subjectAltNames ?? [];
      const evidence = { host: c.host, subjectAltNames: sans, commonName: cn };
      if (c.hostnameMatches) return { status: 'pass', summary: `${c.host} matches the certificate`, evidence };
      const names = sans.length > 0 ? `SAN ${sans.join(', ')}` : 'no SAN';
      return { status: 'fail', summary: `${c.host} not in the certificate (${names}; CN=${cn ?? 'none'})`, evidence };
    }),
  remediation: `See which names the certificate covers:
  openssl x509 -noout -ext subjectAltName -subject -in server.crt

Re-issue it with every name clients use (service DNS, load balancer, IPs) in the SAN; modern clients ignore the CN when a SAN is present:
  openssl req -new -newkey rsa:4096 -nodes -keyout server.key -out server.csr -subj "/CN=<host>" \\
    -addext "subjectAltName=DNS:<host>,DNS:<other-name>,IP:<address>"

Install it, and have the server load it:
${engineCertificateFiles}

Or, if clients use another name, record that name as the target's host in Posture.`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '6.8' },
    { framework: 'PCI-DSS', control: '4.2.1' },
    { framework: 'SOC 2', control: 'CC6.7' },
  ],
};
