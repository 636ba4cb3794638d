import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { postgresUser } from '../../lib/store/postgres-user';
import type { EmbeddedStore } from '../../lib/store/start-embedded-postgres';
import { createTestCa, issueServerCert, selfSignedServerCert, type PemPair } from './lab-certificates';
import { loadLabCertificates } from './lab-certificate-store';
import { labPostures, type LabCheckId, type LabPosture, type LabVerdict } from './lab-postures';
import { loadLabSecrets } from './lab-secrets';
import { prepareLabTemplate } from './prepare-lab-template';
import { reservePorts } from './reserve-ports';
import { startLabServer } from './start-lab-server';
import { stopLeftoverServer } from './stop-leftover-server';

export interface LabFleetOptions {
  /** must be enterable by the postgres user when run as root (the lab makes it 0755) */
  baseDir: string;
  /** posture i (in labPostures order) listens on basePort + i, the template on basePort + 12; free ports below 32768 when unset */
  basePort?: number;
  /** posture names; all when unset */
  only?: string[];
  /** extra postgresql.conf settings for some postures, by name (tests that need one more configuration) */
  extraSettings?: Record<string, Record<string, string>>;
  /** told every server's log output, with the posture's name (tests that count connections or look for lines) */
  log?: (posture: string, text: string) => void;
}

export interface LabTarget {
  posture: string;
  description: string;
  expected: Partial<Record<LabCheckId, LabVerdict>>;
  /** inventory name: lab-<posture> */
  name: string;
  host: '127.0.0.1';
  /** the name the certificates are issued for (wrong-hostname aside) */
  hostname: 'localhost';
  port: number;
  database: string;
  probeUser: string;
  probePassword: string;
  superUser: string;
  superPassword: string;
  /** the lab CA, the "configured CA bundle" for every target */
  caPem: string;
  dataDir: string;
  archiveDir: string;
}

export interface LabFleet {
  ca: { certPem: string };
  targets: LabTarget[];
  stop: () => Promise<void>;
  /** SIGKILL to every server, for a stop that ran out of time */
  kill: () => void;
}

const DAY_MS = 86_400_000;
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** One key per size for the whole fleet: RSA generation is most of the certificates' cost, and no check looks at key reuse. */
function certificateFor(posture: LabPosture, ca: PemPair, keys: Map<number, string>): PemPair | null {
  const spec = posture.cert;
  if (!spec) return null;
  const opts = {
    keyPem: keys.get(spec.keyBits),
    commonName: spec.commonName,
    altNames: spec.altNames,
    keyBits: spec.keyBits,
    signatureHash: spec.signatureHash,
    notBefore: new Date(Date.now() + spec.notBeforeDays * DAY_MS),
    notAfter: new Date(Date.now() + spec.notAfterDays * DAY_MS),
  };
  const pair = spec.issuer === 'self' ? selfSignedServerCert(opts) : issueServerCert(ca, opts);
  keys.set(spec.keyBits, pair.keyPem);
  return pair;
}

function selectPostures(only: string[] | undefined): LabPosture[] {
  if (!only) return [...labPostures];
  const unknown = only.filter((n) => !labPostures.some((p) => p.name === n));
  if (unknown.length) throw new Error(`Unknown lab posture(s): ${unknown.join(', ')}. Known: ${labPostures.map((p) => p.name).join(', ')}`);
  return labPostures.filter((p) => only.includes(p.name));
}

/** Starts one real PostgreSQL per posture, concurrently, each with its posture's certificate (reused for a week). */
export async function startLabFleet(opts: LabFleetOptions): Promise<LabFleet> {
  const baseDir = path.resolve(opts.baseDir);
  mkdirSync(baseDir, { recursive: true });
  chmodSync(baseDir, 0o755);
  const postures = selectPostures(opts.only);
  const templateDir = path.join(baseDir, 'template');
  // servers a killed run left behind hold the ports and the folders that are about to be re-created
  await Promise.all([templateDir, ...labPostures.map((p) => path.join(baseDir, p.name, 'data'))].map(stopLeftoverServer));
  // with a base port every posture keeps its port across runs (base + its index in labPostures; the template takes the last)
  const ports = await reservePorts(labPostures.length + 1, opts.basePort);
  const portOf = (p: LabPosture) => ports[labPostures.indexOf(p)]!;
  const templatePort = ports[labPostures.length]!;

  const secrets = loadLabSecrets(baseDir);
  const accounts = { database: 'postgres', superUser: 'postgres', probeUser: 'posture_probe', ...secrets };
  const { ca, certs: byPosture } = loadLabCertificates(baseDir, labPostures.map((p) => [p.name, p.cert]), () => {
    const lab = createTestCa({ commonName: 'Posture Lab CA' });
    const keys = new Map<number, string>();
    return { ca: lab, certs: Object.fromEntries(labPostures.map((p) => [p.name, certificateFor(p, lab, keys)])) };
  });
  writeFileSync(path.join(baseDir, 'lab-ca.crt'), ca.certPem);
  const certs = postures.map((p) => byPosture[p.name] ?? null);
  const owner = isRoot() ? postgresUser() : null;
  await prepareLabTemplate({ dataDir: templateDir, port: templatePort, ...accounts });

  // each embedded server adds a process 'exit' hook; a full fleet is more than Node's default warning threshold
  process.setMaxListeners(Math.max(process.getMaxListeners(), 20 + postures.length));
  const started = await Promise.allSettled(
    postures.map((posture, i) =>
      startLabServer({ posture: { ...posture, settings: { ...posture.settings, ...opts.extraSettings?.[posture.name] } }, dir: path.join(baseDir, posture.name), templateDir, port: portOf(posture), cert: certs[i] ?? null, owner, ...accounts, ...(opts.log ? { log: (text: string) => opts.log!(posture.name, text) } : {}) }),
    ),
  );
  const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value.server] : []));
  const stop = async () => {
    await Promise.all(servers.map((s: EmbeddedStore) => s.stop()));
  };
  const failed = started.flatMap((s, i) => (s.status === 'rejected' ? [`lab-${postures[i]!.name}: ${String(s.reason)}`] : []));
  if (failed.length) {
    await stop();
    throw new Error(`The lab fleet did not start:\n${failed.join('\n')}`);
  }

  const targets = postures.map((posture, i): LabTarget => {
    const s = started[i] as PromiseFulfilledResult<Awaited<ReturnType<typeof startLabServer>>>;
    return {
      posture: posture.name,
      description: posture.description,
      expected: posture.expected,
      name: `lab-${posture.name}`,
      host: '127.0.0.1',
      hostname: 'localhost',
      port: s.value.server.port,
      database: accounts.database,
      probeUser: accounts.probeUser,
      probePassword: accounts.probePassword,
      superUser: accounts.superUser,
      superPassword: accounts.superPassword,
      caPem: ca.certPem,
      dataDir: s.value.dataDir,
      archiveDir: s.value.archiveDir,
    };
  });
  return { ca: { certPem: ca.certPem }, targets, stop, kill: () => servers.forEach((s) => s.kill()) };
}
