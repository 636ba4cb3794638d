import net from 'node:net';
import type { NetworkPolicy } from '../network/network-policy';
import { resolveCheckedAddress } from '../network/resolve-checked-address';
import { limitIncomingBytes } from './limit-incoming-bytes';

/**
 * Opens a TCP connection with a connect timeout and AbortSignal; the caller owns (and must end) the socket. Every
 * probe connection goes through here: it goes to the address just checked against the network policy (never the
 * name again: DNS rebinding), and what it receives draws on the running probe's byte budget.
 */
export async function connectTcp(host: string, port: number, timeoutMs: number, signal?: AbortSignal, policy?: NetworkPolicy): Promise<net.Socket> {
  if (signal?.aborted) throw new Error('aborted');
  const address = await resolveCheckedAddress(host, timeoutMs, policy);
  return connectToAddress(address, port, timeoutMs, signal);
}

function connectToAddress(address: string, port: number, timeoutMs: number, signal?: AbortSignal): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted'));
    const socket = net.connect({ host: address, port });
    limitIncomingBytes(socket);
    const fail = (e: Error) => {
      cleanup();
      socket.destroy();
      reject(e);
    };
    const onAbort = () => fail(new Error('aborted'));
    const timer = setTimeout(() => fail(Object.assign(new Error(`connect timed out after ${timeoutMs} ms`), { code: 'ETIMEDOUT' })), timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.removeListener('error', fail);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('error', fail);
    socket.once('connect', () => {
      cleanup();
      resolve(socket);
    });
  });
}
