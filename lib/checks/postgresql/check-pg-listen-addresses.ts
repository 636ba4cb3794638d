import type { CheckDefinition } from '../check-definition';
import { pgSettingVerdict } from './pg-setting-verdict';

const everyInterface = ['*', '0.0.0.0', '::'];

export const pgListenAddressesCheck: CheckDefinition = {
  id: 'pg.listen_addresses',
  title: 'The server listens only on the interfaces clients use',
  area: 'hardening',
  severity: 'medium',
  why: 'listen_addresses = \'*\' opens the port on every interface, including public or management networks nobody meant to expose. Listing the service address leaves only that network able to try pg_hba.conf at all.',
  evaluate: (obs) =>
    pgSettingVerdict(obs, 'listen_addresses', (v) => {
      const addrs = v.split(',').map((s) => s.trim()).filter((s) => s !== '');
      const evidence = { listen_addresses: v };
      if (addrs.length === 0) return { status: 'pass', summary: "listen_addresses = '': Unix socket only", evidence };
      const all = addrs.filter((a) => everyInterface.includes(a));
      if (all.length > 0) return { status: 'warn', summary: `listen_addresses = '${v}': every interface (acceptable only behind a firewall or NetworkPolicy)`, evidence };
      return { status: 'pass', summary: `listen_addresses = '${v}'`, evidence };
    }),
  remediation: `List the addresses clients connect to (needs a restart):
  ALTER SYSTEM SET listen_addresses = 'localhost,10.0.0.7';

In a container, where the pod address changes, keep '*' and restrict ingress with a NetworkPolicy instead, then record an exception.`,
  compliance: [
    { framework: 'PCI-DSS', control: '1.3.1' },
    { framework: 'SOC 2', control: 'CC6.6' },
  ],
};
