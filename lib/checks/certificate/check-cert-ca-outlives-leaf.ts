import type { CheckDefinition } from '../check-definition';
import { certLabel } from './cert-label';
import { engineCertificateFiles } from './engine-certificate-files';
import { showServedChain } from './show-served-chain';
import { outcomeVerdict } from '../outcome-verdict';

export const certCaOutlivesLeafCheck: CheckDefinition = {
  id: 'cert.ca_outlives_leaf',
  title: 'Issuing CAs outlive the server certificate',
  area: 'certificate',
  severity: 'medium',
  why: 'The chain stops verifying when its first CA expires, whatever the leaf says; an expiry watch on the leaf alone misses the day the database becomes unreachable for verifying clients.',
  evaluate: (obs) =>
    outcomeVerdict(obs.certificate, (c) => {
      const leaf = c.chain[0];
      if (!leaf) return { status: 'error', summary: 'the server presented no certificate', evidence: {} };
      const served = c.chain.slice(1).filter((cert) => cert.isCa);
      const cas = [...served, ...(c.path.anchor && !served.some((s) => s.fingerprint256 === c.path.anchor?.fingerprint256) ? [c.path.anchor] : [])];
      const evidence = { leafNotAfter: leaf.notAfter, cas: cas.map((ca) => ({ subject: ca.subject, notAfter: ca.notAfter })) };
      if (cas.length === 0) return { status: 'skip', summary: leaf.selfSigned ? 'self-signed: no issuing CA' : 'no issuing CA certificate known', evidence };
      const early = cas.filter((ca) => Date.parse(ca.notAfter) < Date.parse(leaf.notAfter));
      if (early.length > 0) {
        const list = early.map((ca) => `${certLabel(ca.subject)} expires ${ca.notAfter.slice(0, 10)}`).join('; ');
        return { status: 'warn', summary: `${list}, before the leaf (${leaf.notAfter.slice(0, 10)})`, evidence };
      }
      const first = cas.reduce((a, b) => (Date.parse(b.notAfter) < Date.parse(a.notAfter) ? b : a));
      return { status: 'pass', summary: `first CA expiry ${first.notAfter.slice(0, 10)} (${certLabel(first.subject)}), after the leaf's ${leaf.notAfter.slice(0, 10)}`, evidence };
    }),
  remediation: `See each certificate's expiry in the chain:
${showServedChain('-showcerts </dev/null | openssl x509 -noout -enddate')}
  openssl x509 -noout -enddate -in intermediate.crt

Renew the CA (or move the server to a newer intermediate) before it expires, then re-issue the server certificate under it and install the new chain (leaf first):
  cat server.crt new-intermediate.crt > server-chain.crt

Install the chain and key, and have the server load them:
${engineCertificateFiles}

Issue leaves that end before their CA does: a CA valid for N years should not sign leaves that outlast it.`,
  compliance: [{ framework: 'SOC 2', control: 'CC6.7' }],
};
