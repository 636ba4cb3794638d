import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverProcessArgs } from '../../scripts/lib/server-process-args';

const script = path.resolve(import.meta.dirname, '../support/parse-deep-inventories.ts');

describe('an inventory file nested thousands deep', () => {
  it('is refused before the yaml parser sees it: a fresh process survives 4 KiB of [, { and - and answers each with one error', () => {
    // Before the guard, the second text aborted the process: "FATAL ERROR: RegExpCompiler Allocation failed".
    const run = spawnSync(process.execPath, [...serverProcessArgs, '--import', 'tsx', script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).not.toContain('FATAL');
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual(Array(3).fill('The inventory file has 1 error'));
  });
});
