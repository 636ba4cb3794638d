import type { CheckDefinition } from '../check-definition';
import { engineTlsSettings } from './engine-tls-settings';
import { hasForwardSecrecy, suiteNamed } from './suite-properties';
import { legacySuites, tlsScanVerdict } from './tls-scan-verdict';

export const tlsForwardSecrecyCheck: CheckDefinition = {
  id: 'tls.forward_secrecy',
  title: 'Every accepted cipher suite has forward secrecy',
  area: 'tls',
  severity: 'medium',
  why: 'A suite with RSA key exchange encrypts the session key to the server\'s certificate key: whoever records the traffic today and obtains that key later (a backup, a leaked Secret, a seized disk) decrypts every recorded session, passwords and query results included.',
  evaluate: (obs) =>
    tlsScanVerdict(obs, (t) => {
      const suites = [...legacySuites(t)];
      const without = suites.filter(([name]) => {
        const s = suiteNamed(name);
        return s !== undefined && !hasForwardSecrecy(s);
      });
      const evidence = { protocols: t.protocols, withoutForwardSecrecy: without.map(([name, versions]) => `${name} (${versions.join(', ')})`) };
      if (without.length > 0) {
        return { status: 'fail', summary: `${without.length} accepted suite${without.length === 1 ? '' : 's'} without forward secrecy: ${without.slice(0, 4).map(([n]) => n).join(', ')}${without.length > 4 ? ', …' : ''}`, evidence };
      }
      if (t.protocols.length === 0) return { status: 'skip', summary: 'no TLS protocol was accepted', evidence };
      return { status: 'pass', summary: `all ${suites.length + (t.cipherSuites['TLSv1.3']?.length ?? 0)} accepted suites use ephemeral key exchange`, evidence };
    }),
  remediation: `List what the server accepts without forward secrecy (suites whose key exchange is RSA):
  sslscan --starttls-psql <host>:<port>   (or --no-starttls for Redis, RabbitMQ, etcd, Patroni and pgBackRest)

Accept only ECDHE and DHE suites (TLS 1.3 suites always have forward secrecy):
${engineTlsSettings}`,
  compliance: [
    { framework: 'PCI-DSS', control: '4.2.1' },
    { framework: 'SOC 2', control: 'CC6.7' },
  ],
};
