import type { PlaintextPortObservation } from './observations/transport';
import type { ProbeOutcome } from './observations/probe-outcome';
import type { RedisObservation, RedisUser } from './observations/redis';
import { describeHandshake, openTls } from './open-tls';
import { probePlaintextPort } from './probe-plaintext-port';
import { encodeCommand, isRespError, parseResp, RespConnection, type RespValue } from './resp-connection';
import { connectTcp } from './socket-io';
import { judgeTlsTrust, type TlsTrust, type TrustVerdict } from './tls-trust';

export interface RedisProbeInput {
  host: string;
  /** the TLS port (rediss://) */
  port: number;
  /** a plaintext port to prove closed; null when none is to be probed */
  plaintextPort: number | null;
  username: string | null;
  password: string | null;
  markedAsStore: boolean;
  /** what the TLS server must prove before the password is sent */
  trust: TlsTrust;
  /** why the credential may not be used at all (custody policy, binding); nothing is sent then */
  credentialWithheld?: string | null;
  clientCert?: { certPem: string; keyPem: string } | null;
  connectTimeoutMs: number;
  signal?: AbortSignal;
}

/** Commands whose use by an application account can wipe or reconfigure the server. Probed with ACL DRYRUN only. */
export const dangerousRedisCommands: { name: string; label: string; dryrun: string[] }[] = [
  { name: 'flushall', label: 'FLUSHALL', dryrun: ['FLUSHALL'] },
  { name: 'flushdb', label: 'FLUSHDB', dryrun: ['FLUSHDB'] },
  { name: 'config', label: 'CONFIG SET', dryrun: ['CONFIG', 'SET', 'maxmemory', '0'] },
  { name: 'debug', label: 'DEBUG', dryrun: ['DEBUG', 'SLEEP', '0'] },
];

const text = (v: RespValue): string => (isRespError(v) ? `-${v.error}` : Array.isArray(v) ? `[${v.map(text).join(', ')}]` : String(v));

function recogniseRedis(b: Buffer): string | null {
  try {
    const r = parseResp(b);
    return r ? text(r.value).slice(0, 200) : null;
  } catch {
    return null;
  }
}

/** One ACL LIST line without its secrets: `user app on #<sha256> ~app:* +@all` → rules `~app:* +@all`. */
export function parseAclUser(line: string): RedisUser | null {
  const [kw, name, ...tokens] = line.trim().split(/\s+/);
  if (kw !== 'user' || !name) return null;
  const secret = (t: string) => t.startsWith('#') || t.startsWith('>') || t.startsWith('<') || t.startsWith('!');
  return {
    name,
    enabled: tokens.includes('on'),
    nopass: tokens.includes('nopass'),
    passwords: tokens.filter((t) => t.startsWith('#')).length,
    rules: tokens.filter((t) => !secret(t) && t !== 'on' && t !== 'off' && t !== 'nopass').join(' '),
  };
}

/** ACL GETUSER answers a flat [key, value, …] list; flags hold on/off/nopass. */
function defaultFromGetUser(v: RespValue): RedisObservation['defaultUser'] {
  if (!Array.isArray(v)) return null;
  const at = (k: string) => v[v.indexOf(k) + 1];
  const flags = Array.isArray(at('flags')) ? (at('flags') as RespValue[]).map(String) : [];
  const passwords = Array.isArray(at('passwords')) ? (at('passwords') as RespValue[]).length : 0;
  return { enabled: flags.includes('on'), nopass: flags.includes('nopass'), passwords };
}

async function plaintextPort(input: RedisProbeInput, port: number): Promise<PlaintextPortObservation> {
  return probePlaintextPort({ host: input.host, port, greeting: encodeCommand(['PING']), recognise: recogniseRedis, connectTimeoutMs: input.connectTimeoutMs, signal: input.signal });
}

/** Read-only questions, each allowed to fail on its own (NOPERM costs only what it answers). */
async function interrogate(conn: RespConnection, ms: number, obs: RedisObservation): Promise<void> {
  const ask = async (args: string[]): Promise<RespValue | null> => {
    const v = await conn.command(args, ms);
    if (isRespError(v)) {
      obs.limitations.push(`${args.slice(0, 2).join(' ')}: ${v.error}`);
      return null;
    }
    return v;
  };
  const who = await ask(['ACL', 'WHOAMI']);
  obs.whoami = typeof who === 'string' ? who : null;
  const list = await ask(['ACL', 'LIST']);
  if (Array.isArray(list)) obs.users = list.map((l) => parseAclUser(String(l))).filter((u): u is RedisUser => u !== null);
  const def = obs.users?.find((u) => u.name === 'default');
  obs.defaultUser = def ? { enabled: def.enabled, nopass: def.nopass, passwords: def.passwords } : defaultFromGetUser(await ask(['ACL', 'GETUSER', 'default']));

  for (const c of dangerousRedisCommands) {
    const info = await ask(['COMMAND', 'INFO', c.name]);
    obs.commands.push({ name: c.name, present: Array.isArray(info) ? info[0] !== null && info[0] !== undefined : null });
  }
  const users = obs.users ? obs.users.filter((u) => u.enabled).map((u) => u.name) : obs.whoami ? [obs.whoami] : [];
  for (const user of users) {
    for (const c of dangerousRedisCommands) {
      if (obs.commands.find((x) => x.name === c.name)?.present === false) continue;
      const r = await conn.command(['ACL', 'DRYRUN', user, ...c.dryrun], ms);
      const reply = text(r).slice(0, 200);
      // Redis 7.0 answers a denial as a bulk string, not an error reply.
      const allowed = r === 'OK' ? true : /no permissions to run/i.test(reply) ? false : null;
      obs.grants.push({ user, command: c.label, allowed, reply });
    }
  }
  // Never CONFIG GET a pattern: requirepass and masterauth would come back in clear.
  const config = async (name: string) => {
    const v = await ask(['CONFIG', 'GET', name]);
    return Array.isArray(v) && v.length >= 2 ? String(v[1]) : null;
  };
  obs.config = { protectedMode: await config('protected-mode'), appendonly: await config('appendonly'), enableDebugCommand: await config('enable-debug-command') };
  const info = await ask(['INFO', 'persistence']);
  const aof = typeof info === 'string' ? /^aof_enabled:(\d)/m.exec(info)?.[1] : undefined;
  obs.aofEnabled = aof === undefined ? null : aof === '1';
}

/**
 * Probes a Redis server: TLS on the target port, plaintext on the plaintext port, then what an unauthenticated
 * client gets, and — logged in as the probe user over TLS only — the ACL, dangerous-command and persistence state.
 * Only read-only commands are sent; dangerous commands are judged with ACL DRYRUN and COMMAND INFO.
 */
export async function probeRedis(input: RedisProbeInput): Promise<ProbeOutcome<RedisObservation>> {
  const ms = input.connectTimeoutMs;
  const obs: RedisObservation = {
    tls: { port: input.port, handshake: null, error: null },
    plaintext: [],
    markedAsStore: input.markedAsStore,
    session: 'none',
    unauthenticatedReply: null,
    login: 'not-attempted',
    loginMessage: null,
    whoami: null,
    users: null,
    defaultUser: null,
    commands: [],
    grants: [],
    config: { protectedMode: null, appendonly: null, enableDebugCommand: null },
    aofEnabled: null,
    limitations: [],
  };
  let conn: RespConnection | null = null;
  let trust: TrustVerdict | null = null;
  try {
    try {
      // One handshake serves both: the chain is observed whatever it is, and judged before AUTH is sent.
      const s = await openTls({ host: input.host, port: input.port, connectTimeoutMs: ms, signal: input.signal, clientCert: input.clientCert, trust: input.trust });
      obs.tls.handshake = describeHandshake(s);
      trust = judgeTlsTrust(s, input.trust);
      conn = new RespConnection(s);
      obs.session = 'tls';
    } catch (e) {
      obs.tls.error = e instanceof Error ? e.message : String(e);
      const onTarget = await plaintextPort(input, input.port);
      obs.plaintext.push(onTarget);
      // Plaintext is used only without credentials: what any client on the network would get.
      if (onTarget.answer === 'speaks-protocol') {
        conn = new RespConnection(await connectTcp(input.host, input.port, ms, input.signal));
        obs.session = 'plaintext';
      }
    }
    if (input.plaintextPort !== null && input.plaintextPort !== input.port) obs.plaintext.push(await plaintextPort(input, input.plaintextPort));
    if (!conn) return { status: 'ok', data: obs };
    // The scan's deadline closes the session at once; the pending command then fails instead of waiting out its timeout.
    const open = conn;
    input.signal?.addEventListener('abort', () => open.close(), { once: true });

    const first = await conn.command(['PING'], ms);
    obs.unauthenticatedReply = text(first).slice(0, 200);
    let loggedIn = first === 'PONG';
    if (loggedIn) obs.login = 'not-needed';
    else if (isRespError(first) && /^NOAUTH/.test(first.error)) {
      if (input.credentialWithheld) {
        obs.login = 'withheld';
        obs.withheld = { reason: input.credentialWithheld, spkiSha256: null };
      } else if (input.password === null) obs.login = 'no-credential';
      else if (obs.session !== 'tls') obs.login = 'not-over-plaintext';
      else if (trust && !trust.verified) {
        obs.login = 'withheld';
        obs.withheld = { reason: trust.reason, spkiSha256: trust.spkiSha256 };
      } else {
        const auth = await conn.command(input.username ? ['AUTH', input.username, input.password] : ['AUTH', input.password], ms);
        loggedIn = auth === 'OK';
        obs.login = loggedIn ? 'ok' : 'rejected';
        obs.loginMessage = isRespError(auth) ? auth.error.slice(0, 200) : null;
      }
    }
    if (loggedIn) await interrogate(conn, ms, obs);
    return { status: 'ok', data: obs };
  } catch (e) {
    return { status: 'error', message: e instanceof Error ? e.message : String(e) };
  } finally {
    conn?.close();
  }
}
