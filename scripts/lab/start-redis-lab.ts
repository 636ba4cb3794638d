import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { portAccepts, startEngineServer, type EngineServer } from '../lib/start-engine-server';
import { createTestCa, issueServerCert, selfSignedServerCert } from './lab-certificates';
import { loadLabSecrets } from './lab-secrets';
import { intermediateCipherString, mozillaTlsProfiles } from '../../lib/checks/tls/mozilla-tls-profiles';
import { reservePorts } from './reserve-ports';

export const redisServerBinary = '/usr/bin/redis-server';

export interface RedisLabTarget {
  /** inventory name: lab-redis-<posture> */
  name: string;
  posture: 'redis-healthy' | 'redis-open';
  description: string;
  host: '127.0.0.1';
  port: number;
  tags: string[];
  credential: { username: string; password: string } | null;
  caPem: string;
  /** the grade a scan gives it, for the lab's own test */
  expectedGrade: string;
}

export interface RedisLab {
  targets: RedisLabTarget[];
  stop: () => Promise<void>;
  kill: () => void;
}

/**
 * Two real Redis servers beside the PostgreSQL lab, so the demo's fleet grade spans engines: one TLS-only with ACL
 * users, the default user off and AOF on; one open (self-signed TLS plus a plaintext port, no password).
 */
export async function startRedisLab(opts: { baseDir: string; basePort?: number }): Promise<RedisLab> {
  const dir = path.join(opts.baseDir, 'redis');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = (name: string, text: string) => {
    writeFileSync(path.join(dir, name), text, { mode: 0o600 });
    return path.join(dir, name);
  };
  // healthyPlain is reserved and left closed: the healthy server has no plaintext listener, and the probe proves it.
  const [healthy, healthyPlain, open, openPlain] = (await reservePorts(4, opts.basePort)) as [number, number, number, number];
  const altNames = ['127.0.0.1', 'localhost'];
  const ca = createTestCa({ commonName: 'Posture Lab Redis CA' });
  const server = issueServerCert(ca, { commonName: 'localhost', altNames });
  const stranger = selfSignedServerCert({ commonName: 'localhost', altNames });
  const caFile = file('ca.crt', ca.certPem);
  const tls = (name: string, pair: { certPem: string; keyPem: string }) => [
    '--tls-cert-file', file(`${name}.crt`, pair.certPem), '--tls-key-file', file(`${name}.key`, pair.keyPem),
    '--tls-ca-cert-file', caFile, '--tls-auth-clients', 'no',
  ];
  // The probe's own password is kept in the lab folder, so the stored credential survives a restart.
  const probePassword = loadLabSecrets(dir).probePassword;
  const acl = file(
    'users.acl',
    [
      'user default off',
      `user posture on >${probePassword} ~* &* -@all +ping +info +command|info +acl|whoami +acl|list +acl|getuser +acl|dryrun +config|get`,
      '',
    ].join('\n'),
  );
  const servers: EngineServer[] = [];
  const start = async (name: string, port: number, args: string[]) => {
    const data = path.join(dir, name);
    if (!existsSync(data)) mkdirSync(data, { mode: 0o700 });
    servers.push(
      await startEngineServer({
        name: `redis ${name}`, cmd: redisServerBinary, args: ['--bind', '127.0.0.1', '--dir', data, '--save', '', ...args], ready: () => portAccepts(port),
      }),
    );
  };
  try {
    // the healthy server follows Mozilla's intermediate profile, as tls.mozilla_profile's remediation says
    const intermediate = ['--tls-protocols', 'TLSv1.2 TLSv1.3', '--tls-ciphers', intermediateCipherString, '--tls-ciphersuites', mozillaTlsProfiles.intermediate.tls13Suites.join(':')];
    await start('healthy', healthy, ['--port', '0', '--tls-port', String(healthy), ...tls('healthy', server), ...intermediate, '--aclfile', acl, '--appendonly', 'yes']);
    await start('open', open, ['--port', String(openPlain), '--tls-port', String(open), ...tls('open', stranger), '--protected-mode', 'no', '--appendonly', 'no']);
  } catch (e) {
    await Promise.all(servers.map((s) => s.stop()));
    throw e;
  }
  return {
    targets: [
      {
        name: 'lab-redis-healthy', posture: 'redis-healthy', description: 'Redis: TLS only, ACL users with the default user off, AOF on',
        host: '127.0.0.1', port: healthy, tags: ['lab', 'redis-healthy', 'store', `plaintext-port:${healthyPlain}`],
        credential: { username: 'posture', password: probePassword }, caPem: ca.certPem, expectedGrade: 'A+',
      },
      {
        name: 'lab-redis-open', posture: 'redis-open', description: 'Redis: plaintext port open, no password, protected-mode off, self-signed',
        host: '127.0.0.1', port: open, tags: ['lab', 'redis-open', 'store', `plaintext-port:${openPlain}`],
        credential: null, caPem: ca.certPem, expectedGrade: 'F',
      },
    ],
    stop: async () => {
      await Promise.all(servers.map((s) => s.stop()));
    },
    kill: () => servers.forEach((s) => s.kill()),
  };
}
