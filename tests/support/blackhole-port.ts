import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

/**
 * A loopback port whose accept queue is already full, so new SYNs are dropped and a connect hangs exactly like
 * one to a blackholed address. Node always accepts, so a tiny python3 listener holds the queue.
 */
export async function startBlackholePort(): Promise<{ port: number; stop: () => void }> {
  const probe = net.createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((r) => probe.close(() => r()));
  const code = `
import socket, time, sys
s = socket.socket(); s.bind(('127.0.0.1', ${port})); s.listen(0)
held = []
for _ in range(4):
    c = socket.socket(); c.setblocking(False)
    try: c.connect(('127.0.0.1', ${port}))
    except BlockingIOError: pass
    held.append(c)
print('ready', flush=True)
time.sleep(600)`;
  const child: ChildProcess = spawn('python3', ['-c', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => setTimeout(resolve, 200));
    child.once('exit', (c) => reject(new Error(`blackhole helper exited ${c}`)));
  });
  return { port, stop: () => child.kill('SIGKILL') };
}
