import type { CheckDefinition, CheckVerdict } from '../check-definition';
import { outcomeVerdict } from '../outcome-verdict';
import { showServedChain } from './show-served-chain';

const day = (iso: string) => iso.slice(0, 10);

export const certMatchesSecretCheck: CheckDefinition = {
  id: 'cert.matches_secret',
  title: 'Served certificate is the one in the TLS Secret',
  area: 'certificate',
  severity: 'high',
  why: 'After a rotation the Secret holds the new certificate, but PostgreSQL keeps serving the old one until it reloads; expiry alerts on the Secret then say all is well while clients see the old, expiring one.',
  evaluate: (obs) =>
    outcomeVerdict(obs.k8sTlsSecret, (secret): CheckVerdict =>
      outcomeVerdict(obs.certificate, (served) => {
        const leaf = served.chain[0];
        const secretSide = { secret: `${secret.namespace}/${secret.secretName}`, key: secret.key, subject: secret.subject, serialNumber: secret.serialNumber, notAfter: secret.notAfter, fingerprint256: secret.fingerprint256 };
        const servedSide = leaf ? { subject: leaf.subject, serialNumber: leaf.serialNumber, notAfter: leaf.notAfter, fingerprint256: leaf.fingerprint256 } : null;
        const evidence = { served: servedSide, secret: secretSide };
        if (!leaf) return { status: 'error', summary: 'the server served no certificate', evidence };
        if (leaf.fingerprint256 === secret.fingerprint256) return { status: 'pass', summary: `serves the certificate in ${secretSide.secret} (serial ${leaf.serialNumber}, notAfter ${day(leaf.notAfter)})`, evidence };
        const hint = Date.parse(secret.notAfter) > Date.parse(leaf.notAfter) ? 'the Secret was rotated but the server has not reloaded' : 'the server does not serve what the Secret holds';
        return {
          status: 'fail',
          summary: `${hint}: serves serial ${leaf.serialNumber} (notAfter ${day(leaf.notAfter)}), ${secretSide.secret} holds serial ${secret.serialNumber} (notAfter ${day(secret.notAfter)})`,
          evidence,
        };
      }),
    ),
  remediation: `Compare what is served with what is mounted:
${showServedChain('</dev/null 2>/dev/null | openssl x509 -noout -fingerprint -sha256')}
  kubectl get secret <tls-secret> -n <namespace> -o jsonpath='{.data.tls\\.crt}' | base64 -d | openssl x509 -noout -fingerprint -sha256

Kubernetes updates the mounted files within a minute; then have the server load them:
  PostgreSQL: kubectl exec -n <namespace> <pod> -- psql -U postgres -c 'SELECT pg_reload_conf()'
  Redis, RabbitMQ, Patroni, etcd, pgBackRest: restart the pods, as below

If the files are copied by an init container, restart the pods:
  kubectl rollout restart statefulset/<name> -n <namespace>`,
  compliance: [
    { framework: 'PCI-DSS', control: '4.2.1' },
    { framework: 'SOC 2', control: 'CC6.7' },
    { framework: 'CIS PostgreSQL', control: '6.8' },
  ],
};
