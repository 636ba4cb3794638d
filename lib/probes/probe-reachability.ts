import net from 'node:net';
import type { NetworkPolicy } from '../network/network-policy';
import { resolveCheckedAddress } from '../network/resolve-checked-address';
import type { ProbeOutcome } from './observations/probe-outcome';
import type { ReachabilityClass, ReachabilityObservation } from './observations/reachability';
import { connectTcp } from './socket-io';

export interface ReachabilityInput {
  host: string;
  port: number;
  connectTimeoutMs: number;
  signal?: AbortSignal;
  /** which private addresses may be reached; the defaults when absent (link-local and metadata never) */
  network?: NetworkPolicy;
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

/** Resolves the name and opens one TCP connection, naming why it could not: DNS, refused, timeout, unreachable. */
export async function probeReachability(input: ReachabilityInput): Promise<ProbeOutcome<ReachabilityObservation>> {
  let address: string | null = net.isIP(input.host) ? input.host : null;
  try {
    address = await resolveCheckedAddress(input.host, input.connectTimeoutMs, input.network);
    const started = performance.now();
    // Connect to the address just checked, never to the name again.
    const socket = await connectTcp(address, input.port, input.connectTimeoutMs, input.signal, input.network);
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
