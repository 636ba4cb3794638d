import type net from 'node:net';
import type { NetworkPolicy } from '../../network/network-policy';
import { ExactReader } from '../exact-reader';
import { sslRequest } from '../pg-wire';
import { connectTcp } from '../socket-io';
import { buildClientHello } from './build-client-hello';
import { cipherSuiteTable } from './cipher-suite-table';
import { groupName, namedGroups } from './named-groups';
import { readServerHello, type ServerAnswer } from './read-server-hello';
import { suiteFitsVersion, tlsVersions, type TlsVersionName } from './tls-versions';

export interface TlsEndpoint {
  host: string;
  port: number;
  /** postgres: each connection asks with SSLRequest first; none: TLS from the first byte (Redis, AMQPS, HTTPS, direct TLS) */
  preamble: 'postgres' | 'none';
  serverName?: string | null;
  alpn?: readonly string[];
  connectTimeoutMs: number;
  signal?: AbortSignal;
  network?: NetworkPolicy;
  /** stop after this many connections (the scan's connection budget); what was learnt so far is returned, marked cut */
  maxConnections?: number;
  /** wall time the whole enumeration may take; past it no new connection is opened and the result is incomplete */
  timeBudgetMs?: number;
}

export interface TlsEnumeration {
  protocols: TlsVersionName[];
  /** accepted suites per protocol, OpenSSL names, in the order the server chose them */
  cipherSuites: Partial<Record<TlsVersionName, string[]>>;
  /** per protocol: the server picks by its own order (true), by the client's (false), or one suite only (null) */
  serverOrder: Partial<Record<TlsVersionName, boolean | null>>;
  /** true when every protocol with two or more suites follows the server's order */
  preferredOrder: boolean | null;
  /** key-exchange groups the server accepts, in its order of preference */
  groups: string[];
  /** the server would compress (CRIME) */
  compression: boolean;
  /** it answers TLS ≤ 1.2 hellos with renegotiation_info (RFC 5746); false: it does not, so renegotiation is unsafe */
  secureRenegotiation: boolean | null;
  connections: number;
  /** the connection budget ran out before the enumeration finished */
  cut: boolean;
  /** why it stopped early: a server that does not answer a ClientHello in time is not asked again */
  stopped: string | null;
  /** the prime size of the server's DHE key exchange under TLS ≤ 1.2; null when it accepts no DHE suite */
  dhPrimeBits: number | null;
}

class BudgetSpent extends Error {}
class TimeSpent extends Error {}
class NoAnswer extends Error {}

const suitesFor = (version: TlsVersionName) => cipherSuiteTable.filter((s) => suiteFitsVersion(s.minVersion, version));
const nameOf = new Map(cipherSuiteTable.map((s) => [s.code, s.name]));
const allGroupCodes: number[] = namedGroups.map((g) => g.code);

/**
 * What one TLS endpoint accepts, learnt from ServerHellos alone: per protocol, offer every suite, note the one the
 * server picks, take it out and ask again until it refuses, so n accepted suites cost n + 1 connections. The same
 * elimination finds its groups. No handshake is completed and nothing is sent after the ClientHello.
 */
export async function enumerateTls(endpoint: TlsEndpoint): Promise<TlsEnumeration> {
  let connections = 0;
  const budget = endpoint.maxConnections ?? 200;
  const started = performance.now();

  async function ask(hello: Buffer, opts: { keyExchange?: boolean | 'dhe' } = {}): Promise<ServerAnswer> {
    if (connections >= budget) throw new BudgetSpent();
    if (endpoint.timeBudgetMs !== undefined && performance.now() - started > endpoint.timeBudgetMs) throw new TimeSpent();
    connections++;
    let socket: net.Socket | null = null;
    try {
      socket = await connectTcp(endpoint.host, endpoint.port, endpoint.connectTimeoutMs, endpoint.signal, endpoint.network);
      const reader = new ExactReader(socket);
      if (endpoint.preamble === 'postgres') {
        socket.write(sslRequest());
        const answer = await reader.read(1, endpoint.connectTimeoutMs);
        if (answer[0] !== 0x53) return { kind: 'other', detail: 'the server answered SSLRequest without S' };
      }
      socket.write(hello);
      return await readServerHello(reader, endpoint.connectTimeoutMs, opts);
    } catch (e) {
      if (e instanceof BudgetSpent || e instanceof TimeSpent || endpoint.signal?.aborted) throw e;
      // a hung or non-TLS server (it waits for a line we never send) ends the enumeration, not the scan
      if ((e as { code?: string }).code === 'ETIMEDOUT') throw new NoAnswer(e instanceof Error ? e.message : String(e));
      return { kind: 'other', detail: e instanceof Error ? e.message : String(e) };
    } finally {
      socket?.destroy();
    }
  }

  const hello = (version: number, cipherCodes: readonly number[], groupCodes: readonly number[] = allGroupCodes, offerCompression = false) =>
    buildClientHello({ version, cipherCodes, groupCodes, serverName: endpoint.serverName ?? endpoint.host, offerCompression, alpn: endpoint.alpn });

  const result: TlsEnumeration = { protocols: [], cipherSuites: {}, serverOrder: {}, preferredOrder: null, groups: [], compression: false, secureRenegotiation: null, connections: 0, cut: false, stopped: null, dhPrimeBits: null };
  try {
    for (const v of tlsVersions) {
      const offered = suitesFor(v.name).map((s) => s.code);
      const accepted: number[] = [];
      // the first hello of TLS ≤ 1.2 also offers compression, to learn whether the server would use it
      let a = await ask(hello(v.wire, offered, allGroupCodes, v.wire <= 0x0303));
      while (a.kind === 'hello' && a.version === v.wire && offered.includes(a.cipher) && !accepted.includes(a.cipher)) {
        if (accepted.length === 0 && v.wire <= 0x0303) {
          result.compression ||= a.compression === 1;
          result.secureRenegotiation = (result.secureRenegotiation ?? false) || a.secureRenegotiation;
        }
        accepted.push(a.cipher);
        const rest = offered.filter((c) => !accepted.includes(c));
        if (rest.length === 0) break;
        a = await ask(hello(v.wire, rest));
      }
      if (accepted.length === 0) continue;
      result.protocols.push(v.name);
      result.cipherSuites[v.name] = accepted.map((c) => nameOf.get(c) ?? `0x${c.toString(16)}`);
      if (accepted.length > 1) {
        // offered in reverse: a server that keeps to its own order still picks its first
        const reversed = await ask(hello(v.wire, [...accepted].reverse()));
        result.serverOrder[v.name] = reversed.kind === 'hello' && reversed.cipher === accepted[0];
      } else result.serverOrder[v.name] = null;
    }
    const orders = Object.values(result.serverOrder).filter((o): o is boolean => o !== null);
    result.preferredOrder = orders.length ? orders.every(Boolean) : null;
    result.groups = await enumerateGroups(result, ask, hello);
    result.dhPrimeBits = await dhPrimeBits(result, ask, hello);
  } catch (e) {
    if (e instanceof NoAnswer) result.stopped = `no answer to a ClientHello: ${e.message}`;
    else if (e instanceof BudgetSpent) result.cut = true;
    else if (e instanceof TimeSpent) result.stopped = `its time budget of ${((endpoint.timeBudgetMs ?? 0) / 1000).toFixed(1)} s ran out`;
    else throw e;
  }
  result.connections = connections;
  return result;
}

/** Groups by elimination: TLS 1.3 names them in HelloRetryRequest; TLS 1.2 in the ECDHE/DHE ServerKeyExchange. */
async function enumerateGroups(
  r: TlsEnumeration,
  ask: (hello: Buffer, opts?: { keyExchange?: boolean | 'dhe' }) => Promise<ServerAnswer>,
  hello: (version: number, ciphers: readonly number[], groups?: readonly number[]) => Buffer,
): Promise<string[]> {
  const tls13 = r.protocols.includes('TLSv1.3');
  const version = tls13 ? 0x0304 : r.protocols.includes('TLSv1.2') ? 0x0303 : null;
  if (version === null) return [];
  const name = tls13 ? 'TLSv1.3' : 'TLSv1.2';
  // TLS 1.2: the ECDHE suites, whose ServerKeyExchange names a curve (a DHE prime names no group)
  const codes = cipherSuiteTable.filter((s) => (r.cipherSuites[name] ?? []).includes(s.name) && (tls13 || s.kx === 'ECDH')).map((s) => s.code);
  if (codes.length === 0) return [];
  const left: number[] = [...allGroupCodes];
  const found: number[] = [];
  while (left.length > 0) {
    const a = await ask(hello(version, codes, left), { keyExchange: !tls13 });
    if (a.kind !== 'hello' || a.group === null || !left.includes(a.group)) break;
    found.push(a.group);
    left.splice(left.indexOf(a.group), 1);
  }
  return found.map(groupName);
}

/** One more hello with only the DHE suites it accepted under its highest TLS ≤ 1.2: the ServerKeyExchange's prime size. */
async function dhPrimeBits(
  r: TlsEnumeration,
  ask: (hello: Buffer, opts?: { keyExchange?: boolean | 'dhe' }) => Promise<ServerAnswer>,
  hello: (version: number, ciphers: readonly number[]) => Buffer,
): Promise<number | null> {
  const version = [...tlsVersions].reverse().find((v) => v.wire <= 0x0303 && r.protocols.includes(v.name));
  if (!version) return null;
  const accepted = r.cipherSuites[version.name] ?? [];
  const codes = cipherSuiteTable.filter((s) => accepted.includes(s.name) && s.kx.startsWith('DH') && !s.kx.startsWith('DHEPSK')).map((s) => s.code);
  if (codes.length === 0) return null;
  const a = await ask(hello(version.wire, codes), { keyExchange: 'dhe' });
  return a.kind === 'hello' ? a.dhPrimeBits : null;
}
