import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { resolveHost } from '../../network/resolve-host';
import type { NetworkPolicy } from '../../network/network-policy';
import { refuseChannelAddress } from './check-channel-url';

export const CHANNEL_TIMEOUT_MS = 10_000;
export const CHANNEL_RESPONSE_MAX_BYTES = 16_384;

export interface ChannelResponse {
  status: number;
  /** at most CHANNEL_RESPONSE_MAX_BYTES, cut there */
  body: string;
}

/** A failure before any HTTP status: DNS, policy, connect, TLS, timeout. `policy` ones never succeed as configured. */
export class ChannelRequestError extends Error {
  constructor(
    message: string,
    readonly policy = false,
  ) {
    super(message);
    this.name = 'ChannelRequestError';
  }
}

/**
 * POSTs one JSON body. The host is resolved and judged right before connecting and the socket goes to that
 * address (no second lookup to rebind); redirects are never followed; the whole exchange has a deadline and the
 * answer a byte limit.
 */
export async function postChannelRequest(input: { url: string; body: string; headers: Record<string, string>; policy: NetworkPolicy; timeoutMs?: number }): Promise<ChannelResponse> {
  const timeoutMs = input.timeoutMs ?? CHANNEL_TIMEOUT_MS;
  const url = new URL(input.url);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = await resolveHost(host, Math.min(timeoutMs, 5_000));
  } catch (e) {
    throw new ChannelRequestError(`DNS lookup of ${host} failed (${(e as { code?: string }).code ?? 'error'})`);
  }
  for (const ip of addresses) {
    const why = refuseChannelAddress(url, ip, input.policy);
    if (why) throw new ChannelRequestError(why, true);
  }
  const ip = addresses[0]!;
  const family = ip.includes(':') ? 6 : 4;
  const lookup: LookupFunction = (_name, opts, cb) => {
    if ((opts as { all?: boolean }).all) (cb as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: ip, family }]);
    else cb(null, ip, family);
  };
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise<ChannelResponse>((resolve, reject) => {
    const req = lib.request(
      url,
      { method: 'POST', lookup, agent: false, headers: { 'content-type': 'application/json', 'user-agent': 'Posture-Notifications/1', ...input.headers, 'content-length': String(Buffer.byteLength(input.body)) } },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          if (size >= CHANNEL_RESPONSE_MAX_BYTES) return;
          chunks.push(c.subarray(0, CHANNEL_RESPONSE_MAX_BYTES - size));
          size += c.length;
          if (size >= CHANNEL_RESPONSE_MAX_BYTES) {
            clearTimeout(timer);
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
            res.destroy();
          }
        });
        res.on('end', () => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', (e) => {
          clearTimeout(timer);
          reject(new ChannelRequestError(`the response broke off (${(e as { code?: string }).code ?? 'error'})`));
        });
      },
    );
    const timer = setTimeout(() => req.destroy(new ChannelRequestError(`no answer within ${timeoutMs} ms`)), timeoutMs);
    req.on('error', (e) => {
      clearTimeout(timer);
      if (e instanceof ChannelRequestError) reject(e);
      else reject(new ChannelRequestError(`${(e as { code?: string }).code ?? 'request failed'} (${ip}:${url.port || (url.protocol === 'https:' ? 443 : 80)})`));
    });
    req.end(input.body);
  });
}
