import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('startService', () => {
  it('a SIGKILLed parent takes its service and everything in the service\'s group along, SIGTERM ignored or not', async () => {
    const parent = spawn(process.execPath, ['--import', 'tsx', 'tests/support/lifeline-parent-fixture.ts'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    const [service, grandchild] = await new Promise<number[]>((resolve, reject) => {
      parent.stdout.on('data', (b: Buffer) => {
        const m = /ready (\d+) (\d+)/.exec(b.toString());
        if (m) resolve([Number(m[1]), Number(m[2])]);
      });
      parent.once('exit', (code) => reject(new Error(`fixture exited ${code}`)));
    });
    try {
      expect([alive(service!), alive(grandchild!)]).toEqual([true, true]);
      parent.kill('SIGKILL');
      await expect.poll(() => [alive(service!), alive(grandchild!)], { timeout: 5_000, interval: 50 }).toEqual([false, false]);
    } finally {
      for (const pid of [service!, grandchild!]) if (alive(pid)) process.kill(pid, 'SIGKILL');
    }
  });
});
