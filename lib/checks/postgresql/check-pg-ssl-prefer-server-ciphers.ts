import type { CheckDefinition } from '../check-definition';
import { isOn } from './pg-bool-setting';
import { pgSettingVerdict } from './pg-setting-verdict';

export const pgSslPreferServerCiphersCheck: CheckDefinition = {
  id: 'pg.ssl.prefer_server_ciphers',
  title: 'The server chooses the TLS cipher (ssl_prefer_server_ciphers)',
  area: 'hardening',
  severity: 'low',
  why: 'When the client’s preference wins, an old or misconfigured client can steer a TLS 1.2 session to the weakest cipher the server still allows. The server’s order puts its strongest choice first.',
  evaluate: (obs) =>
    pgSettingVerdict(obs, 'ssl_prefer_server_ciphers', (v) => {
      const evidence = { ssl_prefer_server_ciphers: v };
      if (isOn(v)) return { status: 'pass', summary: 'ssl_prefer_server_ciphers = on', evidence };
      return { status: 'fail', summary: `ssl_prefer_server_ciphers = ${v}: clients pick the cipher`, evidence };
    }),
  remediation: `Let the server's cipher order win (the default):
  ALTER SYSTEM SET ssl_prefer_server_ciphers = on;
  SELECT pg_reload_conf();

Or in postgresql.conf: ssl_prefer_server_ciphers = on`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '6.8' },
    { framework: 'PCI-DSS', control: '4.2.1' },
    { framework: 'SOC 2', control: 'CC6.7' },
  ],
};
