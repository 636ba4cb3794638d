import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { postgresUser } from '../../lib/store/postgres-user';
import type { EmbeddedStore } from '../../lib/store/start-embedded-postgres';
import { createTestCa, issueServerCert } from '../lab/lab-certificates';
import { labPostures } from '../lab/lab-postures';
import { loadLabSecrets } from '../lab/lab-secrets';
import { prepareLabTemplate } from '../lab/prepare-lab-template';
import { reservePorts } from '../lab/reserve-ports';
import { startLabServer } from '../lab/start-lab-server';

export interface HealthyLab {
  servers: { name: string; port: number }[];
  database: string;
  probeUser: string;
  probePassword: string;
  caPem: string;
  stop: () => Promise<void>;
}

const DAY_MS = 86_400_000;

/**
 * `n` copies of the lab's "healthy" posture (TLS 1.2+ required, CA-signed certificate for a year, SCRAM, WAL
 * archiving working), each a real PostgreSQL from one template: the scan benchmarks' fleet.
 */
export async function startHealthyLab(n: number, log?: (text: string) => void): Promise<HealthyLab> {
  const healthy = labPostures.find((p) => p.name === 'healthy')!;
  const baseDir = mkdtempSync(path.join(os.tmpdir(), 'posture-bench-lab-'));
  chmodSync(baseDir, 0o755);
  const secrets = loadLabSecrets(baseDir);
  const accounts = { database: 'postgres', superUser: 'postgres', probeUser: 'posture_probe', ...secrets };
  const ca = createTestCa({ commonName: 'Posture Bench CA' });
  const cert = issueServerCert(ca, {
    commonName: 'localhost', altNames: ['localhost', '127.0.0.1'], keyBits: 2048,
    notBefore: new Date(Date.now() - DAY_MS), notAfter: new Date(Date.now() + 365 * DAY_MS),
  });
  const ports = await reservePorts(n + 1);
  const templateDir = path.join(baseDir, 'template');
  await prepareLabTemplate({ dataDir: templateDir, port: ports[n]!, ...accounts });
  const owner = process.getuid?.() === 0 ? postgresUser() : null;
  process.setMaxListeners(Math.max(process.getMaxListeners(), 20 + n));
  const started: EmbeddedStore[] = [];
  try {
    // Two at a time: twelve servers archiving and reloading at once starve a 2-core machine.
    for (let i = 0; i < n; i += 2) {
      const batch = Array.from({ length: Math.min(2, n - i) }, (_, j) => i + j);
      const servers = await Promise.all(
        batch.map((k) => {
          const dir = path.join(baseDir, `healthy-${k}`);
          mkdirSync(dir, { recursive: true });
          return startLabServer({ posture: healthy, dir, templateDir, port: ports[k]!, cert, owner, ...accounts, log });
        }),
      );
      started.push(...servers.map((s) => s.server));
    }
  } catch (e) {
    await Promise.all(started.map((s) => s.stop()));
    rmSync(baseDir, { recursive: true, force: true });
    throw e;
  }
  return {
    servers: started.map((s, i) => ({ name: `bench-healthy-${i}`, port: s.port })),
    database: accounts.database,
    probeUser: accounts.probeUser,
    probePassword: accounts.probePassword,
    caPem: ca.certPem,
    stop: async () => {
      await Promise.all(started.map((s) => s.stop()));
      rmSync(baseDir, { recursive: true, force: true });
    },
  };
}
