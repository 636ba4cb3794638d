import type { CheckDefinition } from '../check-definition';

const patroniDefaultPort = 8008;

export const patroniPortNonDefaultCheck: CheckDefinition = {
  id: 'patroni.port.non_default',
  title: 'Patroni REST API is not on the default port',
  area: 'hardening',
  severity: 'low',
  why: 'Scanners look for Patroni on 8008 first; a non-default port does not secure the API, but it keeps it off the cheapest sweeps.',
  evaluate: (obs) => {
    const evidence = { port: obs.target.port, defaultPort: patroniDefaultPort };
    if (obs.target.port === patroniDefaultPort) return { status: 'fail', summary: 'the REST API listens on the default port 8008', evidence };
    return { status: 'pass', summary: `the REST API listens on port ${obs.target.port}, not 8008`, evidence };
  },
  remediation: `Move the REST API off 8008 (patroni.yml, every member), then reload Patroni:
  restapi:
    listen: 0.0.0.0:8443
    connect_address: <member-host>:8443

Update the HAProxy/F5 health checks and firewall rules to the new port, and the target's port in Posture.`,
  compliance: [
    { framework: 'PCI-DSS', control: '2.2.6' },
    { framework: 'SOC 2', control: 'CC6.6' },
  ],
};
