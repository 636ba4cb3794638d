import net from 'node:net';
import { listenOnLowPort } from './listen-low-port';

/** A free loopback port below the ephemeral range, released for a child process to bind (outgoing connections never take it). */
export async function freePort(): Promise<number> {
  const s = net.createServer();
  const port = await listenOnLowPort(s);
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
