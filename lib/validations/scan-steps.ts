/** The steps "Scan now" shows, in the order a scan reaches them. */
export const scanSteps = ['reachability', 'tls', 'certificate', 'login', 'hardening', 'tls-suites', 'kubernetes', 'backup'] as const;
export type ScanStep = (typeof scanSteps)[number];

export const scanStepLabels: Record<ScanStep, string> = {
  reachability: 'Reachability',
  tls: 'TLS',
  certificate: 'Certificate',
  login: 'Login',
  hardening: 'Hardening',
  'tls-suites': 'TLS suites',
  kubernetes: 'Kubernetes',
  backup: 'Backup',
};

export interface ScanStepProgress {
  step: ScanStep;
  status: 'ok' | 'error' | 'skipped';
}

// Engine probes (Redis, RabbitMQ, etcd, Patroni, pgBackRest) do the handshake, read the certificate and log in together.
const stepsOfProbe: Record<string, readonly ScanStep[]> = {
  reachability: ['reachability'],
  'postgres tls': ['tls', 'certificate'],
  'postgres session': ['login'],
  'password age': ['login'],
  'postgres hardening': ['hardening'],
  redis: ['tls', 'certificate', 'login', 'hardening'],
  rabbitmq: ['tls', 'certificate', 'login', 'hardening'],
  etcd: ['tls', 'certificate', 'login', 'hardening'],
  patroni: ['tls', 'certificate', 'login', 'hardening'],
  'pgbackrest server': ['tls', 'certificate', 'hardening'],
  'kubernetes storage': ['kubernetes'],
  'kubernetes workload': ['kubernetes'],
  'kubernetes tls secret': ['kubernetes'],
  'tls enumeration': ['tls-suites'],
  backup: ['backup'],
};

/** The steps one finished probe completes (none for a probe this list does not know). */
export function stepsOfFinishedProbe(probe: string): readonly ScanStep[] {
  return stepsOfProbe[probe] ?? [];
}
