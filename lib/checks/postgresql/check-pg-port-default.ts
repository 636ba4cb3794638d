import type { CheckDefinition } from '../check-definition';
import { pgSettingVerdict } from './pg-setting-verdict';

const DEFAULT_PORT = '5432';

export const pgPortDefaultCheck: CheckDefinition = {
  id: 'pg.port.default',
  title: 'PostgreSQL is not on the default port 5432',
  area: 'hardening',
  severity: 'low',
  why: 'Mass scanners and worms try 5432 first. Another port is no defence on its own, but it keeps a server out of the cheapest sweeps and their log noise.',
  evaluate: (obs) =>
    pgSettingVerdict(obs, 'port', (v) => {
      const reached = String(obs.target.port);
      const evidence = { port: v, portPostureConnectedTo: obs.target.port };
      if (v === DEFAULT_PORT) return { status: 'fail', summary: 'the server listens on the default port 5432', evidence };
      if (reached === DEFAULT_PORT) return { status: 'warn', summary: `the server listens on ${v}, but clients reach it on 5432 (a Service or proxy republishes the default port)`, evidence };
      return { status: 'pass', summary: `port ${v}`, evidence };
    }),
  remediation: `Move the server to another port (needs a restart) and update clients, pg_hba-aware proxies and firewalls:
  ALTER SYSTEM SET port = 5433;

On Kubernetes change the Service port too:
  ports: [{ name: postgres, port: 5433, targetPort: 5433 }]`,
  compliance: [
    { framework: 'PCI-DSS', control: '2.2.6' },
    { framework: 'SOC 2', control: 'CC6.6' },
  ],
};
