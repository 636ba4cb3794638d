import { describe, expect, it } from 'vitest';
import type { PgHbaRule } from '../../../probes/observations/postgresql';
import { hbaAdmitsRole } from './pg-hba-rule';

const rule = (users: string[]): PgHbaRule => ({ line: 1, type: 'hostssl', databases: ['all'], users, address: 'all', netmask: null, method: 'scram-sha-256', error: null });
const role = (name: string, memberOf: string[] = []) => ({ name, memberOf });

describe('hbaAdmitsRole', () => {
  it('admits by all, name, +group and /regex', () => {
    expect(hbaAdmitsRole(rule(['all']), role('app'))).toBe(true);
    expect(hbaAdmitsRole(rule(['app']), role('app'))).toBe(true);
    expect(hbaAdmitsRole(rule(['+ops']), role('app', ['ops']))).toBe(true);
    expect(hbaAdmitsRole(rule(['/^app_']), role('app_ro'))).toBe(true);
    expect(hbaAdmitsRole(rule(['/^app_']), role('reporting'))).toBe(false);
    expect(hbaAdmitsRole(rule(['/admin']), role('dbadmins'))).toBe(true);
  });

  it('a /regex RE2 cannot run (a backreference, which PostgreSQL allows) is taken to admit any role', () => {
    expect(hbaAdmitsRole(rule(['/^(a)\\1$']), role('zz'))).toBe(true);
    expect(hbaAdmitsRole(rule(['/[']), role('a'))).toBe(true);
  });

  it("a target's catastrophic /regex is matched in linear time", () => {
    // (a+)+$ against 28 a's and a mismatch: about 2^28 steps for a backtracking RegExp (1.3 s measured; 63, a
    // role name's limit, would be years). CPU time, so a loaded machine does not make it flaky.
    const before = process.cpuUsage();
    expect(hbaAdmitsRole(rule(['/^(a+)+$']), role(`${'a'.repeat(28)}!`))).toBe(false);
    const used = process.cpuUsage(before);
    expect((used.user + used.system) / 1000).toBeLessThan(100);
  });
});
