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
    child.on('exit', (code) => resolve({ code, out }));
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
});
