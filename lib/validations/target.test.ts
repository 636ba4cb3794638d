import { describe, expect, it } from 'vitest';
import { createTargetSchema, credentialInputSchema, listTargetsQuerySchema, updateTargetSchema } from './target';

const ok = { name: 'auth-db', engine: 'postgresql', host: 'auth-db.bakery-ia.svc.cluster.local', port: 5432 };
const paths = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  r.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('target validation', () => {
  it('accepts a minimal target and fills create-only defaults', () => {
    const t = createTargetSchema.parse(ok);
    expect(t).toMatchObject({ environment: 'production', tags: [], criticality: 'medium' });
  });

  it('an update never fills defaults for fields it did not name', () => {
    expect(updateTargetSchema.parse({ port: 6432 })).toEqual({ port: 6432 });
  });

  it.each([
    [{ host: 'has space' }, 'host'],
    [{ host: '' }, 'host'],
    [{ port: 0 }, 'port'],
    [{ port: 65536 }, 'port'],
    [{ port: 1.5 }, 'port'],
    [{ name: '-leading-dash' }, 'name'],
    [{ name: 'x'.repeat(64) }, 'name'],
    [{ engine: 'mysql' }, 'engine'],
    [{ ownerEmail: 'not-an-email' }, 'ownerEmail'],
    [{ tags: ['Has Space'] }, 'tags.0'],
    [{ kubernetes: { namespace: 'Bad_NS' } }, 'kubernetes.namespace'],
    [{ backup: { source: 'dump-dir', dir: 'relative/path' } }, 'backup.dir'],
    [{ backup: { source: 'tape' } }, 'backup.source'],
    [{ unknownField: 1 }, ''],
  ])('rejects %j at %s', (patch, path) => {
    const r = createTargetSchema.safeParse({ ...ok, ...patch });
    expect(r.success).toBe(false);
    expect(paths(r)).toContain(path);
  });

  it('accepts IPv4/IPv6 hosts and a full Kubernetes + backup description', () => {
    expect(createTargetSchema.safeParse({ ...ok, host: '10.0.0.7' }).success).toBe(true);
    expect(createTargetSchema.safeParse({ ...ok, host: '::1' }).success).toBe(true);
    const full = createTargetSchema.parse({
      ...ok,
      kubernetes: { namespace: 'bakery-ia', podSelector: 'app.kubernetes.io/name=auth-db', pvcNames: ['auth-db-pvc'], passwordSecret: { name: 'auth-db-secret', key: 'password' } },
      backup: { source: 'pgbackrest', stanza: 'main' },
      tags: ['PII', 'tier-1'],
    });
    expect(full.tags).toEqual(['pii', 'tier-1']);
  });

  it('a credential names at most one source of the password', () => {
    expect(credentialInputSchema.safeParse({ username: 'u', password: 'p', passwordFromEnv: 'X' }).success).toBe(false);
    expect(credentialInputSchema.safeParse({ username: 'u', passwordFromEnv: 'lower' }).success).toBe(false);
    expect(credentialInputSchema.safeParse({ username: 'u', passwordFromSecret: { name: 'auth-db-secret', key: 'password' } }).success).toBe(true);
  });

  it('list queries coerce and bound paging', () => {
    expect(listTargetsQuerySchema.parse({ page: '2', pageSize: '50' })).toMatchObject({ page: 2, pageSize: 50, sort: 'name', archived: 'false' });
    expect(listTargetsQuerySchema.safeParse({ pageSize: '1000' }).success).toBe(false);
    expect(listTargetsQuerySchema.safeParse({ sort: 'password' }).success).toBe(false);
  });
});

describe('clearing text fields', () => {
  it('an empty string clears an optional field on update; an absent key leaves it', () => {
    expect(updateTargetSchema.parse({ ownerTeam: '', ownerEmail: '', service: '  ', database: '' })).toEqual({
      ownerTeam: null,
      ownerEmail: null,
      service: null,
      database: null,
    });
    expect(updateTargetSchema.parse({})).toEqual({});
  });
});
