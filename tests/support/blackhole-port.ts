import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Runs in a child Node: listen below the ephemeral range, fill the accept queue from inside, then block the event
 * loop for good, so nothing is ever accepted.
 */
const HOLDER = `
const net = require('node:net');
function attempt(tries) {
  const port = 15000 + Math.floor(Math.random() * 17000);
  const server = net.createServer();
  server.once('error', () => { if (tries > 50) process.exit(3); attempt(tries + 1); });
  server.once('listening', () => {
    const held = [];
    for (let i = 0; i < 4; i++) held.push(net.connect({ port, host: '127.0.0.1' }).on('error', () => {}));
    // net.connect issues its connect() on the next tick: block only after those ticks have run
    process.nextTick(() => {
      process.stdout.write(port + '\\n');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
    });
  });
  server.listen({ port, host: '127.0.0.1', backlog: 1 });
}
attempt(0);
`;

/**
 * A loopback port whose accept queue is already full, so new SYNs are dropped and a connect hangs exactly like one
 * to a blackholed address. The holder is a second Node process whose event loop never turns again.
 */
export async function startBlackholePort(): Promise<{ port: number; stop: () => void }> {
  const child: ChildProcess = spawn(process.execPath, ['-e', HOLDER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.once('data', (d: Buffer) => setTimeout(() => resolve(Number(d.toString().trim())), 200));
    child.once('exit', (c) => reject(new Error(`blackhole holder exited ${c}`)));
  });
  return { port, stop: () => child.kill('SIGKILL') };
}
