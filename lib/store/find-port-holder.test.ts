import { spawn } from 'node:child_process';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { reservePorts } from '../../scripts/lab/reserve-ports';
import { findPortHolders } from './find-port-holder';
import { portInUseMessage } from './port-in-use-message';

const children: ReturnType<typeof spawn>[] = [];
afterEach(() => children.splice(0).forEach((c) => c.kill('SIGKILL')));

/** A real process listening on host:port, as a leftover server would. */
async function holder(port: number, host: string) {
  const child = spawn(process.execPath, ['-e', `require('net').createServer().listen(${port}, '${host}', () => console.log('up'))`], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  await new Promise((r) => child.stdout!.once('data', r));
  return child;
}

describe('findPortHolders (from /proc, no ss needed)', () => {
  it('names the pid and command of another process listening on IPv4', async () => {
    const [port] = await reservePorts(1);
    const child = await holder(port!, '127.0.0.1');
    const found = findPortHolders(port!);
    expect(found).toEqual([{ pid: child.pid, uid: process.getuid!(), command: expect.stringContaining(`listen(${port}`) as string }]);
    expect(portInUseMessage(port!, 'the web server; PORT chooses another')).toMatch(
      new RegExp(`^Port ${port} \\(the web server; PORT chooses another\\) is in use by pid ${child.pid} \\(.*node -e .*\\)\\. .*kill ${child.pid}$`),
    );
  });

  it('finds a listener on IPv6 in this very process, and nothing once it closed', async () => {
    const [port] = await reservePorts(1);
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(port, '::1', r));
    expect(findPortHolders(port!).map((h) => h.pid)).toEqual([process.pid]);
    await new Promise((r) => server.close(r));
    expect(findPortHolders(port!)).toEqual([]);
    expect(portInUseMessage(port!, 'x')).toBeNull();
  });

  it('leaves out the pids it is told to ignore (the store\'s own leftover handling deals with them)', async () => {
    const [port] = await reservePorts(1);
    const child = await holder(port!, '0.0.0.0');
    expect(portInUseMessage(port!, 'x', new Set([child.pid!]))).toBeNull();
  });

  it('keeps a long command line short: it may carry a password', async () => {
    const [port] = await reservePorts(1);
    const secret = 'hunter2-'.repeat(20);
    const child = spawn(process.execPath, ['-e', `require('net').createServer().listen(${port}, '127.0.0.1', () => console.log('up'))`, 'a', 'b', 'c', '--password', secret], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    await new Promise((r) => child.stdout!.once('data', r));
    const [h] = findPortHolders(port!);
    expect(h?.command).not.toContain(secret);
    expect(h?.command).toMatch(/ …$/);
  });
});
