import { lookup } from 'node:dns/promises';
import net from 'node:net';
import type { ProbeOutcome, ReachabilityClass, ReachabilityObservation } from './observations';
import { connectTcp } from './socket-io';

export interface ReachabilityInput {
  host: string;
  port: number;
  connectTimeoutMs: number;
  signal?: AbortSignal;
}

function classify(code: string | undefined): ReachabilityClass {
  switch (code) {
    case 'ECONNREFUSED':
      return 'refused';
    case 'ETIMEDOUT':
      return 'timeout';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return 'dns';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
      return 'unreachable';
    case 'ECONNRESET':
      return 'reset';
    default:
      return 'error';
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(Object.assign(new Error(`${what} timed out after ${ms} ms`), { code: 'EAI_AGAIN' })), ms).unref()),
  ]);
}

/** Resolves the name and opens one TCP connection, naming why it could not: DNS, refused, timeout, unreachable. */
export async function probeReachability(input: ReachabilityInput): Promise<ProbeOutcome<ReachabilityObservation>> {
  let address: string | null = net.isIP(input.host) ? input.host : null;
  try {
    if (!address) address = (await withTimeout(lookup(input.host), input.connectTimeoutMs, 'DNS lookup')).address;
    const started = performance.now();
    const socket = await connectTcp(address, input.port, input.connectTimeoutMs, input.signal);
    const connectMs = Math.round(performance.now() - started);
    socket.destroy();
    return { status: 'ok', data: { reachable: true, classification: 'ok', address, connectMs, detail: null } };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.message === 'aborted') return { status: 'error', message: 'probe aborted' };
    return {
      status: 'ok',
      data: { reachable: false, classification: classify(err.code), address, connectMs: null, detail: err.message },
    };
  }
}
