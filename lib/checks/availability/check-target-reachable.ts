import type { CheckDefinition } from '../check-definition';
import { outcomeVerdict } from '../outcome-verdict';

const failureText: Record<string, string> = {
  refused: 'connection refused (nothing listening, or a firewall rejects it)',
  timeout: 'connection timed out (packets dropped, or the host is down)',
  dns: 'host name does not resolve',
  unreachable: 'no route to the host or network',
  reset: 'connection reset by the peer',
  error: 'connection failed',
  ok: 'connection failed',
};

export const targetReachableCheck: CheckDefinition = {
  id: 'target.reachable',
  title: 'Target is reachable',
  area: 'availability',
  severity: 'critical',
  why: 'A database Posture cannot connect to cannot be assessed at all, and an unexpected outage is itself an incident. Every other check depends on this one.',
  evaluate: (obs) =>
    outcomeVerdict(obs.reachability, (r) => {
      const where = `${obs.target.host}:${obs.target.port}`;
      const evidence = { host: obs.target.host, port: obs.target.port, address: r.address, classification: r.classification, connectMs: r.connectMs, detail: r.detail };
      if (r.reachable) {
        const ms = r.connectMs === null ? '' : ` in ${Math.round(r.connectMs)} ms`;
        return { status: 'pass', summary: `connected to ${where}${r.address ? ` (${r.address})` : ''}${ms}`, evidence };
      }
      const why = failureText[r.classification] ?? 'connection failed';
      return { status: 'fail', summary: `${where}: ${why}${r.detail ? ` — ${r.detail}` : ''}`, evidence, cap: 'F' };
    }),
  remediation: `Check that the server is running and listening on the expected address and port:
  PostgreSQL: pg_isready -h <host> -p <port>
  Redis: redis-cli -h <host> -p <port> --tls PING
  RabbitMQ, Patroni, etcd, pgBackRest: openssl s_client -connect <host>:<port> </dev/null
  ss -ltnp | grep <port>        # on the database host

If the connection is refused, make the server listen on the service address, then restart it:
  PostgreSQL: listen_addresses in postgresql.conf (e.g. listen_addresses = '*' or the service IP)
  Redis: bind and tls-port in redis.conf
  RabbitMQ: listeners.ssl.default in rabbitmq.conf
  Patroni: restapi.listen in patroni.yml
  etcd: --listen-client-urls
  pgBackRest: tls-server-address and tls-server-port in pgbackrest.conf

If it times out, open the port from the Posture workers in the firewall, security group or Kubernetes NetworkPolicy.

If the name does not resolve, fix the DNS record or the host recorded in Posture's inventory.

On Kubernetes, confirm the pods and the Service endpoints:
  kubectl get pods,endpoints -n <namespace> -l <selector>`,
  compliance: [
    { framework: 'SOC 2', control: 'A1.2' },
    { framework: 'SOC 2', control: 'CC7.2' },
    { framework: 'GDPR', control: 'Art. 32(1)(b)' },
  ],
};
