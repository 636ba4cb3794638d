import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { amqpProtocolHeader, connectionStartOk, parseConnectionClose, parseConnectionStart, readMethod } from './amqp-wire';
import { httpExchange } from './http-exchange';
import type { PlaintextPortObservation } from './observations/transport';
import type { ProbeOutcome } from './observations/probe-outcome';
import type { RabbitMqObservation } from './observations/rabbitmq';
import { describeHandshake, openTls } from './open-tls';
import { probePlaintextPort } from './probe-plaintext-port';
import { plainHttpGet, recogniseHttp } from './recognise-http';
import { ExactReader } from './exact-reader';
import { connectTcp } from './socket-io';
import { rethrowWireLimit } from './wire-limit-error';

export interface RabbitMqProbeInput {
  host: string;
  /** the AMQPS port */
  port: number;
  plaintextPort: number | null;
  managementPort: number;
  managementPlaintextPort: number | null;
  connectTimeoutMs: number;
  signal?: AbortSignal;
}

/** A method frame on channel 0 (type 1, channel 0): the start of Connection.Start. */
function recogniseAmqp(b: Buffer): string | null {
  if (b.length >= 11 && b[0] === 1 && b.readUInt16BE(1) === 0 && b.readUInt16BE(7) === 10 && b.readUInt16BE(9) === 10) return 'Connection.Start';
  return b.subarray(0, 4).toString('latin1') === 'AMQP' ? 'AMQP protocol header (version mismatch)' : null;
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);
const isLoopback = (a: string | undefined) => a !== undefined && /^(127\.|::1$|::ffff:127\.)/.test(a);

/** Reads Connection.Start, then (optionally) offers guest/guest and reads whether the broker tunes or closes. */
async function amqpSession(stream: Duplex, ms: number, tryGuest: boolean) {
  const reader = new ExactReader(stream);
  stream.write(amqpProtocolHeader);
  const start = parseConnectionStart(await readMethod(reader, ms));
  if (!tryGuest) return { start, guest: null };
  stream.write(connectionStartOk('guest', 'guest'));
  try {
    const next = await readMethod(reader, ms);
    if (next.classId === 10 && next.methodId === 30) return { start, guest: { outcome: 'accepted' as const, code: null, message: 'Connection.Tune: the login was accepted' } };
    if (next.classId === 10 && next.methodId === 50) {
      const close = parseConnectionClose(next);
      return { start, guest: { outcome: 'refused' as const, code: close.code, message: close.text } };
    }
    return { start, guest: { outcome: 'error' as const, code: null, message: `unexpected method ${next.classId}.${next.methodId}` } };
  } catch (e) {
    rethrowWireLimit(e);
    const closed = (e as { code?: string }).code === 'ECLOSED';
    return { start, guest: { outcome: closed ? ('refused' as const) : ('error' as const), code: null, message: e instanceof Error ? e.message : String(e) } };
  }
}

/**
 * Probes a RabbitMQ broker: AMQPS on the target port (protocol header → Connection.Start), the plaintext AMQP
 * port, a guest/guest PLAIN login that stops at Connection.Tune (no vhost is opened, nothing changes), and the
 * management API over HTTPS and in clear.
 */
export async function probeRabbitMq(input: RabbitMqProbeInput): Promise<ProbeOutcome<RabbitMqObservation>> {
  const ms = input.connectTimeoutMs;
  const base = { host: input.host, connectTimeoutMs: ms, signal: input.signal };
  const plain = (port: number): Promise<PlaintextPortObservation> => probePlaintextPort({ ...base, port, greeting: amqpProtocolHeader, recognise: recogniseAmqp });
  const obs: RabbitMqObservation = {
    tls: { port: input.port, handshake: null, error: null },
    amqps: null,
    amqpsError: null,
    plaintext: [],
    guest: { outcome: 'not-attempted', via: null, fromLoopback: null, code: null, message: null },
    management: { port: input.managementPort, httpsStatus: null, httpsError: null, plaintext: { port: input.managementPlaintextPort ?? 0, answer: 'refused', detail: 'not probed' } },
  };
  try {
    let session: Duplex | null = null;
    try {
      const s = await openTls({ ...base, port: input.port });
      obs.tls.handshake = describeHandshake(s);
      session = s;
      obs.guest.via = 'tls';
    } catch (e) {
      obs.tls.error = e instanceof Error ? e.message : String(e);
      const onTarget = await plain(input.port);
      obs.plaintext.push(onTarget);
      // guest/guest is public knowledge, so trying it in clear leaks nothing of Posture's.
      if (onTarget.answer === 'speaks-protocol') {
        session = await connectTcp(input.host, input.port, ms, input.signal);
        obs.guest.via = 'plaintext';
      }
    }
    if (session) {
      const open = session;
      input.signal?.addEventListener('abort', () => open.destroy(), { once: true });
      obs.guest.fromLoopback = isLoopback((session as Socket).remoteAddress);
      try {
        const { start, guest } = await amqpSession(session, ms, true);
        const p = start.serverProperties;
        if (obs.guest.via === 'tls') obs.amqps = { protocol: start.version, product: str(p.product), version: str(p.version), mechanisms: start.mechanisms };
        if (guest) obs.guest = { ...obs.guest, ...guest };
      } catch (e) {
        rethrowWireLimit(e);
        if (obs.guest.via === 'tls') obs.amqpsError = e instanceof Error ? e.message : String(e);
        obs.guest = { ...obs.guest, outcome: 'error', message: e instanceof Error ? e.message : String(e) };
      } finally {
        session.destroy();
      }
    }
    const [plaintextPort, https, httpPlain] = await Promise.all([
      input.plaintextPort !== null && input.plaintextPort !== input.port ? plain(input.plaintextPort) : Promise.resolve(null),
      httpExchange({ ...base, port: input.managementPort, tls: true, method: 'GET', path: '/api/overview' }),
      input.managementPlaintextPort !== null
        ? probePlaintextPort({ ...base, port: input.managementPlaintextPort, greeting: plainHttpGet(input.host, input.managementPlaintextPort, '/api/overview'), recognise: recogniseHttp })
        : Promise.resolve(null),
    ]);
    if (plaintextPort) obs.plaintext.push(plaintextPort);
    obs.management = {
      port: input.managementPort,
      httpsStatus: https.status,
      httpsError: https.error,
      plaintext: httpPlain ?? { port: 0, answer: 'refused', detail: 'not probed' },
      handshake: https.handshake,
    };
    return { status: 'ok', data: obs };
  } catch (e) {
    return { status: 'error', message: e instanceof Error ? e.message : String(e) };
  }
}
