import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTcp } from '../probes/socket-io';
import { withNetworkPolicy } from './scan-network-policy';
import { listenOnLowPort } from '../../tests/support/listen-low-port';

let server: net.Server;
let port = 0;
let accepted = 0;

beforeAll(async () => {
  server = net.createServer((s) => {
    accepted++;
    s.destroy();
  });
  await listenOnLowPort(server);
  port = (server.address() as net.AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('the scan-wide network policy', () => {
  it('reaches a probe that passes no policy of its own: loopback refused when the admin allows only 10/8', async () => {
    await expect(withNetworkPolicy({ allowedPrivateRanges: ['10.0.0.0/8'] }, () => connectTcp('127.0.0.1', port, 2_000))).rejects.toThrow(/127\.0\.0\.1/);
    expect(accepted).toBe(0);
    const ok = await withNetworkPolicy({ allowedPrivateRanges: ['127.0.0.0/8'] }, () => connectTcp('127.0.0.1', port, 2_000));
    ok.destroy();
    const outside = await connectTcp('127.0.0.1', port, 2_000);
    outside.destroy();
    await new Promise((r) => setTimeout(r, 50));
    expect(accepted).toBe(2);
  });
});
