import type { CheckDefinition } from '../check-definition';
import { namedGroups } from '../../probes/tls-scan/named-groups';
import { tlsScanVerdict } from './tls-scan-verdict';

/** Below this a DHE prime falls to precomputation (Logjam); NIST and Mozilla ask for 2048. */
const minDhBits = 2048;
const recommended = ['x25519', 'secp256r1', 'secp384r1'];
const postQuantum = new Set<string>(namedGroups.filter((g) => g.postQuantum).map((g) => g.name));

export const tlsGroupsCheck: CheckDefinition = {
  id: 'tls.groups',
  title: 'Strong key-exchange groups (X25519, P-256, P-384; DHE of 2048 bits or more)',
  area: 'tls',
  severity: 'medium',
  why: 'The key exchange protects every session key. A DHE prime under 2048 bits can be broken by precomputation (Logjam); a server that offers none of X25519, P-256 or P-384 leaves common clients only weaker or slower choices. A post-quantum hybrid (X25519MLKEM768) protects recorded traffic against a future quantum computer and is reported as information.',
  evaluate: (obs) =>
    tlsScanVerdict(obs, (t) => {
      const pq = t.groups.filter((g) => postQuantum.has(g));
      const evidence = { groups: t.groups, dhPrimeBits: t.dhPrimeBits, postQuantumHybrid: pq.length > 0 };
      const pqNote = pq.length > 0 ? `; post-quantum hybrid ${pq.join(', ')} offered` : '; no post-quantum hybrid offered';
      if (t.dhPrimeBits !== null && t.dhPrimeBits < minDhBits) return { status: 'fail', summary: `DHE uses a ${t.dhPrimeBits}-bit prime (at least ${minDhBits} needed)`, evidence };
      if (t.groups.length === 0) {
        if (t.dhPrimeBits !== null) return { status: 'pass', summary: `DHE with a ${t.dhPrimeBits}-bit prime; no elliptic-curve group${pqNote}`, evidence };
        return { status: 'skip', summary: 'no ephemeral key exchange is accepted (tls.forward_secrecy judges that)', evidence };
      }
      if (!t.groups.some((g) => recommended.includes(g))) return { status: 'warn', summary: `only ${t.groups.join(', ')}: none of X25519, P-256, P-384${pqNote}`, evidence };
      return { status: 'pass', summary: `groups ${t.groups.join(', ')}${t.dhPrimeBits !== null ? `, DHE ${t.dhPrimeBits} bits` : ''}${pqNote}`, evidence };
    }),
  remediation: `See the groups and the DHE prime the server uses:
  openssl s_client -starttls postgres -connect <host>:<port> -tls1_2 -cipher 'DHE' </dev/null 2>/dev/null | grep 'Server Temp Key'
  (-starttls postgres only for PostgreSQL)

Offer X25519 and P-256 (add the post-quantum hybrid where the TLS library has it), and a DHE prime of 2048 bits or more, or no DHE:
  PostgreSQL: ALTER SYSTEM SET ssl_ecdh_curve = 'prime256v1' (PostgreSQL 18: ALTER SYSTEM SET ssl_groups = 'X25519MLKEM768:X25519:prime256v1'); ALTER SYSTEM SET ssl_dh_params_file = '/etc/postgresql/ffdhe3072.pem'; SELECT pg_reload_conf();
  Redis: in redis.conf: tls-dh-params-file /etc/redis/ffdhe3072.pem (or leave it unset: no DHE), then restart redis-server
  RabbitMQ: in rabbitmq.conf: ssl_options.honor_ecc_order = true and no dh file below 2048 bits (ssl_options.dhfile), then restart rabbitmq-server
  Patroni: restapi.ciphers without DHE suites, then: patronictl reload <cluster>
  etcd: Go offers X25519, P-256 and P-384 and no DHE; upgrade etcd if an older group shows
  pgBackRest: Groups = X25519:P-256:P-384 in the openssl.cnf its service reads, then: systemctl restart pgbackrest`,
  compliance: [
    { framework: 'PCI-DSS', control: '4.2.1' },
    { framework: 'SOC 2', control: 'CC6.7' },
  ],
};
