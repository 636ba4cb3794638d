import { auditClasses, pgPgauditLogCheck as check } from './check-pg-pgaudit-log';
import { describe, expect, it } from 'vitest';
import { healthyObservations, probeSkipped, withSettings } from '../../../../tests/fixtures/pg-hardening-fixtures';
import { describeVerdicts } from '../../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'ddl, role, write', obs: healthyObservations(), status: 'pass', evidence: { classes: ['write', 'role', 'ddl'], missing: [] } },
  { name: 'all but misc', obs: withSettings({ 'pgaudit.log': 'all, -misc' }), status: 'pass' },
  { name: 'read only', obs: withSettings({ 'pgaudit.log': 'read' }), status: 'warn', summary: /leaves out ddl, role/ },
  { name: 'none (the default)', obs: withSettings({ 'pgaudit.log': 'none' }), status: 'fail', summary: /nothing is audited/ },
  { name: 'not loaded: pg.pgaudit.loaded says so', obs: withSettings({ shared_preload_libraries: 'pg_stat_statements', 'pgaudit.log': undefined }), status: 'skip' },
  { name: 'listed but not active', obs: withSettings({ 'pgaudit.log': undefined }), status: 'fail', summary: /restart pending/ },
  { name: 'preload hidden and no pgaudit.log: not active', obs: withSettings({ shared_preload_libraries: undefined, 'pgaudit.log': undefined }, ['shared_preload_libraries']), status: 'skip' },
  { name: 'no login', obs: probeSkipped(), status: 'skip' },
]);

describe('auditClasses', () => {
  it('expands all and applies subtractions in order', () => {
    expect(auditClasses('all,-misc,-misc_set')).toEqual(['read', 'write', 'function', 'role', 'ddl']);
    expect(auditClasses('DDL, role')).toEqual(['role', 'ddl']);
    expect(auditClasses('none')).toEqual([]);
  });
});
