import type { CheckDefinition } from '../check-definition';
import { engineOutcome } from '../engine-outcome';
import { outcomeVerdict } from '../outcome-verdict';

/** Answers etcd gives only while auth is enabled: no user, a bad token, RBAC, or the gateway's CN guard (auth on + --client-cert-auth). */
const authRefusals = /user name is empty|invalid auth token|permission denied|CommonName of client sending a request against gateway/i;

export const etcdAuthEnabledCheck: CheckDefinition = {
  id: 'etcd.auth.enabled',
  title: 'etcd authentication is enabled',
  area: 'hardening',
  severity: 'critical',
  why: 'Until `etcdctl auth enable`, every client that reaches the port may read and write every key, including Patroni’s leader key and configuration.',
  evaluate: (obs) =>
    outcomeVerdict(engineOutcome(obs.etcd, 'etcd'), (e) => {
      const r = e.unauthenticatedRead;
      const evidence = { clientCertUsed: e.clientCertUsed, status: r?.status ?? null, answer: r?.body?.slice(0, 200) ?? r?.error ?? null, version: e.version };
      if (!r) {
        if (!e.tls.handshake) return { status: 'skip', summary: `no TLS handshake on port ${e.tls.port}, so nothing was asked`, evidence };
        return { status: 'skip', summary: 'etcd requires a client certificate and Posture has none: set POSTURE_CLIENT_CERT_FILE and POSTURE_CLIENT_KEY_FILE (or --cert/--key)', evidence };
      }
      if (r.status === 200) return { status: 'fail', summary: 'an unauthenticated range request (no token) is served: auth is disabled', evidence };
      if (r.body && authRefusals.test(r.body)) return { status: 'pass', summary: `an unauthenticated range request is refused: HTTP ${r.status} ${r.body.trim().slice(0, 120)}`, evidence };
      return { status: 'error', summary: `unexpected answer to an unauthenticated range request: ${r.status ?? r.error}`, evidence };
    }),
  remediation: `Create the root user, give it the root role, and enable authentication (with etcdctl over TLS):
  etcdctl --endpoints https://<host>:<port> --cacert ca.crt --cert admin.crt --key admin.key user add root
  etcdctl ... user grant-role root root
  etcdctl ... auth enable

Then give each client its own user and role on its prefix, e.g. for Patroni:
  etcdctl ... role add patroni
  etcdctl ... role grant-permission patroni --prefix=true readwrite /service/
  etcdctl ... user add patroni && etcdctl ... user grant-role patroni patroni`,
  compliance: [
    { framework: 'PCI-DSS', control: '7.2.1' },
    { framework: 'SOC 2', control: 'CC6.1' },
    { framework: 'GDPR', control: 'Art. 32(1)(b)' },
  ],
};
