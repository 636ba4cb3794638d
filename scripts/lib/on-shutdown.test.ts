import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** Runs the fixture through the tsx CLI, as `npm run demo|worker|start` and the Kubernetes manifests do. */
function runUnderTsx(signal: NodeJS.Signals, toGroup: boolean): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['tests/support/on-shutdown-fixture.ts'], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      // A terminal's Ctrl-C reaches the whole process group; a process manager signals the one pid.
      if (out.includes('ready') && !out.includes('signalled')) {
        out += 'signalled\n';
        process.kill(toGroup ? -child.pid! : child.pid!, signal);
      }
    });
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    // 'close': once the fixture, which shares these pipes, has exited too (a SIGHUP ends the tsx CLI at once)
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('onShutdown under the tsx CLI', () => {
  it.each([
    ['SIGTERM', false],
    ['SIGINT', true],
  ] as const)('%s (to the group: %s) runs the whole shutdown instead of being SIGKILLed by tsx', async (signal, toGroup) => {
    const r = await runUnderTsx(signal, toGroup);
    expect(r.out).toContain(`stopped cleanly after ${signal}`);
    expect(r.code).toBe(0);
  }, 30_000);

  it('SIGHUP to the group (the terminal is gone) stops the script like SIGTERM, though the tsx CLI dies at once', async () => {
    const r = await runUnderTsx('SIGHUP', true);
    expect(r.out).toContain('stopped cleanly after SIGHUP');
  }, 30_000);

  it('npm SIGKILLed while its sh and the tsx CLI live on: the script stops as if told to', async () => {
    // npm run's chain: a Node launcher, its `sh -c`, the tsx CLI, the script. Here the launcher is a node -e.
    const launcher = spawn(
      process.execPath,
      ['-e', `require('node:child_process').spawn('sh', ['-c', 'node_modules/.bin/tsx tests/support/on-shutdown-fixture.ts'], { stdio: 'inherit' }); setInterval(() => {}, 1000)`],
      { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    launcher.stdout.on('data', (b: Buffer) => (out += b.toString()));
    launcher.stderr.on('data', (b: Buffer) => (out += b.toString()));
    try {
      await expect.poll(() => out, { timeout: 20_000 }).toContain('ready');
      launcher.kill('SIGKILL');
      await expect.poll(() => out, { timeout: 10_000 }).toContain('stopped cleanly after SIGTERM');
    } finally {
      try {
        process.kill(-launcher.pid!, 'SIGKILL');
      } catch {
        // the group is gone: the fixture stopped
      }
    }
  }, 40_000);
});
