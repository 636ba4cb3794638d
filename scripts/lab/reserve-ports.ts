import net from 'node:net';
import { portInUseMessage } from '../../lib/store/port-in-use-message';

/** Below Linux's ephemeral range (32768+): a client socket's TIME_WAIT on a server's port would block the server's bind. */
const RANDOM_RANGE = { from: 15_000, to: 32_000 };

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** `count` ports free on 127.0.0.1: base..base+count-1 when given (all must be free), else random ones. */
export async function reservePorts(count: number, base?: number): Promise<number[]> {
  if (base !== undefined) {
    const ports = Array.from({ length: count }, (_, i) => base + i);
    const busy = (await Promise.all(ports.map(async (p) => ((await canListen(p)) ? null : p)))).filter((p) => p !== null);
    if (busy.length) {
      const named = busy.map((p) => portInUseMessage(p, `one of ${base}–${base + count - 1}; choose another base port`) ?? `Port ${p} on 127.0.0.1 is in use; choose another base port.`);
      throw new Error(named.join('\n'));
    }
    return ports;
  }
  const ports: number[] = [];
  for (let tries = 0; ports.length < count && tries < 200; tries++) {
    const port = RANDOM_RANGE.from + Math.floor(Math.random() * (RANDOM_RANGE.to - RANDOM_RANGE.from));
    if (!ports.includes(port) && (await canListen(port))) ports.push(port);
  }
  if (ports.length < count) throw new Error(`Found only ${ports.length} of ${count} free ports on 127.0.0.1`);
  return ports;
}
