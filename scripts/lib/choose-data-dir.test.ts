import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseDataDir } from './choose-data-dir';

const isRoot = process.getuid?.() === 0;
const made: string[] = [];
afterEach(() => made.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A checkout at <tmp>/home/posture whose home folder has `homeMode`, and an empty state root beside it. */
function layout(homeMode: number) {
  const base = mkdtempSync(path.join(os.tmpdir(), 'posture-datadir-'));
  made.push(base);
  chmodSync(base, 0o755);
  const home = path.join(base, 'home');
  const repoRoot = path.join(home, 'posture');
  mkdirSync(repoRoot, { recursive: true });
  chmodSync(home, homeMode);
  return { home, repoRoot, stateRoot: path.join(base, 'var-lib-posture') };
}
const mode = (p: string) => statSync(p).mode & 0o777;

describe('chooseDataDir', () => {
  it('keeps .data in the checkout when not root, or when postgres can enter it', () => {
    const closed = layout(0o700);
    expect(chooseDataDir({ ...closed, asRoot: false })).toEqual({ dir: path.join(closed.repoRoot, '.data'), notice: null });
    const open = layout(0o755);
    expect(chooseDataDir({ ...open, asRoot: true })).toEqual({ dir: path.join(open.repoRoot, '.data'), notice: null });
    expect(existsSync(closed.stateRoot) || existsSync(open.stateRoot)).toBe(false);
  });

  it('POSTURE_DATA_DIR wins, also as root from a private home', () => {
    const l = layout(0o700);
    expect(chooseDataDir({ ...l, asRoot: true, explicit: 'rel/data' })).toEqual({ dir: path.resolve('rel/data'), notice: null });
    expect(existsSync(l.stateRoot)).toBe(false);
  });

  it.skipIf(!isRoot)('as root from a 0700 home: a folder of its own under the state root, said in one line, reused, the home untouched', () => {
    const l = layout(0o700);
    const first = chooseDataDir({ ...l, asRoot: true });
    expect(path.dirname(first.dir)).toBe(l.stateRoot);
    expect(path.basename(first.dir)).toMatch(/^[0-9a-f]{12}$/);
    expect(first.notice).toBe(`[posture] data folder: ${first.dir} (the 'postgres' user cannot enter ${l.home}; POSTURE_DATA_DIR chooses another)`);
    expect(first.notice).not.toContain('\n');
    expect([mode(l.stateRoot), mode(first.dir), mode(l.home)]).toEqual([0o755, 0o711, 0o700]);
    expect(readFileSync(path.join(first.dir, 'checkout'), 'utf8')).toBe(`${l.repoRoot}\n`);
    expect(existsSync(path.join(l.repoRoot, '.data'))).toBe(false);

    writeFileSync(path.join(first.dir, 'master.key'), 'kept\n');
    const second = chooseDataDir({ ...l, asRoot: true });
    expect(second.dir).toBe(first.dir);
    expect(readFileSync(path.join(second.dir, 'master.key'), 'utf8')).toBe('kept\n');
  });

  it.skipIf(!isRoot)('moves what an earlier run left in .data (the secrets it generated before the store failed)', () => {
    const l = layout(0o700);
    mkdirSync(path.join(l.repoRoot, '.data', 'lab'), { recursive: true });
    writeFileSync(path.join(l.repoRoot, '.data', 'master.key'), 'old key\n', { mode: 0o600 });
    const choice = chooseDataDir({ ...l, asRoot: true });
    expect(choice.notice).toContain(`moved here from ${path.join(l.repoRoot, '.data')}`);
    expect(readFileSync(path.join(choice.dir, 'master.key'), 'utf8')).toBe('old key\n');
    expect(mode(path.join(choice.dir, 'master.key'))).toBe(0o600);
    expect(existsSync(path.join(choice.dir, 'lab'))).toBe(true);
    expect(existsSync(path.join(l.repoRoot, '.data'))).toBe(false);
  });

  it.skipIf(!isRoot)('refuses a state root that someone other than root could change', () => {
    const l = layout(0o700);
    mkdirSync(l.stateRoot, { mode: 0o755 });
    chmodSync(l.stateRoot, 0o777);
    expect(() => chooseDataDir({ ...l, asRoot: true })).toThrow(/not a folder owned by root that only root may write/);
    chmodSync(l.stateRoot, 0o755);
    chownSync(l.stateRoot, 65534, 65534);
    expect(() => chooseDataDir({ ...l, asRoot: true })).toThrow(/not a folder owned by root/);
  });
});
