import { describe, expect, it } from 'vitest';
import { roleAllows } from './permissions';
import { authorize, systemContext } from '../services/service-context';
import { AppError } from '../errors/app-error';

describe('role checks', () => {
  it.each([
    ['viewer', 'inventory:read', true],
    ['viewer', 'inventory:write', false],
    ['viewer', 'credentials:write', false],
    ['viewer', 'users:manage', false],
    ['editor', 'inventory:write', true],
    ['editor', 'credentials:write', true],
    ['editor', 'users:manage', false],
    ['editor', 'exceptions:write', true],
    ['viewer', 'exceptions:write', false],
    ['admin', 'exceptions:write', true],
    ['admin', 'users:manage', true],
    ['admin', 'audit:read', true],
  ] as const)('%s → %s = %s', (role, perm, allowed) => {
    expect(roleAllows(role, perm)).toBe(allowed);
  });

  it('authorize throws a forbidden AppError for a missing grant', () => {
    const ctx = { actor: { kind: 'user' as const, id: 'u', email: 'v@x.test', role: 'viewer' as const } };
    try {
      authorize(ctx, 'inventory:write');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('forbidden');
    }
  });

  it('system actors pass', () => {
    expect(() => authorize(systemContext('test'), 'users:manage')).not.toThrow();
  });
});
