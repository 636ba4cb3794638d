import net from 'node:net';
import type tls from 'node:tls';
import type { TLSSocket } from 'node:tls';
import type { PgTlsObservation } from './observations/postgresql';
import type { ProbeOutcome } from './observations/probe-outcome';
import type { TlsHandshake } from './observations/transport';
import { authMethod, parseErrorFields, readMessage, sslRequest, startupMessage } from './pg-wire';
import type { NetworkPolicy } from '../network/network-policy';
import { ExactReader } from './exact-reader';
import { tlsHandshake } from './tls-handshake';
import { describeHandshake } from './open-tls';
import { connectTcp } from './socket-io';
import { rethrowWireLimit } from './wire-limit-error';

export interface PgTlsProbeInput {
  host: string;
  port: number;
  user: string;
  database: string;
  /** SNI: the name the certificate should be for, when it is not the host */
  serverName?: string | null;
  connectTimeoutMs: number;
  signal?: AbortSignal;
  /** which private addresses may be reached; the defaults when absent (link-local and metadata never) */
  network?: NetworkPolicy;
}

type SslAnswer = PgTlsObservation['sslResponse'];

/** SNI for the probe's handshakes: the name the certificate should be for, never an address. */
function handshake(socket: net.Socket, input: PgTlsProbeInput, extra: tls.ConnectionOptions): Promise<TLSSocket> {
  const name = input.serverName ?? input.host;
  return tlsHandshake(socket, { servername: net.isIP(name) ? undefined : name, ...extra }, input.connectTimeoutMs, input.signal);
}

/** Sends SSLRequest and returns the one-byte answer with the still-open socket; `other` names a byte that is none of S, N, E. */
async function askForTls(input: PgTlsProbeInput): Promise<{ answer: SslAnswer; socket: net.Socket; other?: string }> {
  const socket = await connectTcp(input.host, input.port, input.connectTimeoutMs, input.signal, input.network);
  const reader = new ExactReader(socket);
  socket.write(sslRequest());
  try {
    const b = await reader.read(1, input.connectTimeoutMs);
    reader.detach();
    const c = String.fromCharCode(b[0]!);
    if (c === 'S' || c === 'N') return { answer: c, socket };
    if (c === 'E') return { answer: 'error-response', socket };
    return { answer: 'closed', socket, other: `the server answered SSLRequest with byte 0x${b[0]!.toString(16).padStart(2, '0')} (PostgreSQL answers S or N)` };
  } catch (e) {
    if ((e as { code?: string }).code === 'ECLOSED') return { answer: 'closed', socket };
    socket.destroy();
    throw e;
  }
}

async function mainHandshake(input: PgTlsProbeInput) {
  const { answer, socket, other } = await askForTls(input);
  if (answer !== 'S') {
    socket.destroy();
    return { sslResponse: answer, handshake: null, handshakeError: other ?? null };
  }
  try {
    const s = await handshake(socket, input, {});
    const result: TlsHandshake = describeHandshake(s);
    s.destroy();
    return { sslResponse: answer, handshake: result, handshakeError: null };
  } catch (e) {
    return { sslResponse: answer, handshake: null, handshakeError: e instanceof Error ? e.message : String(e) };
  }
}

async function legacyAccepted(input: PgTlsProbeInput, version: 'TLSv1' | 'TLSv1.1'): Promise<'accepted' | 'refused'> {
  const { answer, socket } = await askForTls(input);
  if (answer !== 'S') {
    socket.destroy();
    return 'refused';
  }
  try {
    // Our own OpenSSL refuses TLS 1.0/1.1 above security level 0; without this we could not tell.
    const s = await handshake(socket, input, { minVersion: version, maxVersion: version, ciphers: 'DEFAULT:@SECLEVEL=0' });
    s.destroy();
    return 'accepted';
  } catch {
    return 'refused';
  }
}

async function directTls(input: PgTlsProbeInput): Promise<'supported' | 'unsupported'> {
  try {
    // Through connectTcp like every probe connection, so the address is checked before TLS starts.
    const raw = await connectTcp(input.host, input.port, input.connectTimeoutMs, input.signal, input.network);
    const s = await handshake(raw, input, { ALPNProtocols: ['postgresql'] });
    const ok = s.alpnProtocol === 'postgresql';
    s.destroy();
    return ok ? 'supported' : 'unsupported';
  } catch {
    return 'unsupported';
  }
}

/** Reads the server's first reply to a plaintext StartupMessage and hangs up before any credential is sent. */
async function plaintextLogin(input: PgTlsProbeInput): Promise<PgTlsObservation['plaintextLogin']> {
  const socket = await connectTcp(input.host, input.port, input.connectTimeoutMs, input.signal, input.network);
  const reader = new ExactReader(socket);
  try {
    socket.write(startupMessage({ user: input.user, database: input.database, application_name: 'posture' }));
    const msg = await readMessage(reader, input.connectTimeoutMs);
    if (msg.type === 'R') {
      const { method, ok } = authMethod(msg.body);
      return { outcome: ok ? 'auth-ok' : 'auth-requested', method, message: null };
    }
    if (msg.type === 'E') {
      const f = parseErrorFields(msg.body);
      // 28000 is invalid_authorization_specification: pg_hba refused the connection before authentication.
      return { outcome: f.C === '28000' ? 'rejected' : 'error', method: null, message: f.M ?? null };
    }
    return { outcome: 'error', method: null, message: `unexpected message type ${msg.type}` };
  } catch (e) {
    rethrowWireLimit(e);
    const closed = (e as { code?: string }).code === 'ECLOSED';
    return { outcome: closed ? 'closed' : 'error', method: null, message: e instanceof Error ? e.message : String(e) };
  } finally {
    socket.destroy();
  }
}

/** Speaks the PostgreSQL wire protocol itself to learn how the server treats TLS and non-TLS clients. */
export async function probePostgresTls(input: PgTlsProbeInput): Promise<ProbeOutcome<PgTlsObservation>> {
  try {
    const main = await mainHandshake(input);
    const offered = main.sslResponse === 'S';
    const [direct, login, tls10, tls11] = await Promise.all([
      directTls(input),
      plaintextLogin(input),
      offered ? legacyAccepted(input, 'TLSv1') : Promise.resolve('refused' as const),
      offered ? legacyAccepted(input, 'TLSv1.1') : Promise.resolve('refused' as const),
    ]);
    return {
      status: 'ok',
      data: { ...main, directTls: direct, plaintextLogin: login, legacyTls: { TLSv1: tls10, 'TLSv1.1': tls11 } },
    };
  } catch (e) {
    return { status: 'error', message: e instanceof Error ? e.message : String(e) };
  }
}
