import type { CheckDefinition } from '../check-definition';
import { engineTlsSettings } from './engine-tls-settings';
import { brokenBecause, isCbcSha1, suiteNamed } from './suite-properties';
import { legacySuites, tlsScanVerdict } from './tls-scan-verdict';

const list = (names: string[]) => `${names.slice(0, 4).join(', ')}${names.length > 4 ? `, … (${names.length})` : ''}`;

export const tlsWeakCiphersCheck: CheckDefinition = {
  id: 'tls.weak_ciphers',
  title: 'No broken cipher suites accepted (NULL, EXPORT, RC4, 3DES)',
  area: 'tls',
  severity: 'high',
  why: 'A client an attacker controls, or a downgrade on the path, can pick any suite the server still accepts: NULL sends in clear, EXPORT and DES are brute-forced, RC4 leaks plaintext, 3DES falls to Sweet32 on long sessions. CBC with SHA-1 is legacy and the source of the Lucky13 family.',
  evaluate: (obs) =>
    tlsScanVerdict(obs, (t) => {
      const broken: string[] = [];
      const reasons: Record<string, string> = {};
      const cbcSha1: string[] = [];
      for (const [name, versions] of legacySuites(t)) {
        const s = suiteNamed(name);
        if (!s) continue;
        const why = brokenBecause(s);
        if (why) {
          broken.push(name);
          reasons[name] = `${why}; ${versions.join(', ')}`;
        } else if (versions.includes('TLSv1.2') && isCbcSha1(s)) cbcSha1.push(name);
      }
      const evidence = { broken: reasons, cbcSha1UnderTls12: cbcSha1 };
      if (broken.length > 0) return { status: 'fail', summary: `accepts ${list(broken.map((n) => `${n} (${reasons[n]!.split(';')[0]})`))}`, evidence };
      if (t.protocols.length === 0) return { status: 'skip', summary: 'no TLS protocol was accepted', evidence };
      if (cbcSha1.length > 0) return { status: 'warn', summary: `TLS 1.2 still accepts CBC suites with SHA-1: ${list(cbcSha1)}`, evidence };
      return { status: 'pass', summary: 'no broken or legacy suite is accepted', evidence };
    }),
  remediation: `See which suites the server accepts:
  sslscan --starttls-psql <host>:<port>   (or --no-starttls for the other engines)

Accept only the AEAD suites of Mozilla's intermediate profile:
${engineTlsSettings}`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '6.10' },
    { framework: 'PCI-DSS', control: '4.2.1' },
    { framework: 'SOC 2', control: 'CC6.7' },
  ],
};
