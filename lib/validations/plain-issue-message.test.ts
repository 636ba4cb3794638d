import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { plainIssueMessage } from './plain-issue-message';
import { createTargetSchema, updateTargetSchema } from './target';

const messages = (schema: z.ZodType, value: unknown) =>
  schema.safeParse(value, { error: plainIssueMessage }).error?.issues.map((i) => `${i.path.join('.')} ${i.message}`) ?? [];

describe('plainIssueMessage', () => {
  const only = (schema: z.ZodType, value: unknown) =>
    schema.safeParse(value, { error: plainIssueMessage }).error?.issues.map((i) => i.message) ?? [];

  it.each<[string, z.ZodType, unknown, string]>([
    ['text', z.string(), 5, 'must be text'],
    ['text, left out', z.string(), undefined, 'is required'],
    ['text, empty in YAML', z.string(), null, 'must not be empty'],
    ['number', z.number(), 'x', 'must be a number'],
    ['coerced number', z.coerce.number(), 'x', 'must be a number'],
    ['boolean', z.boolean(), 'yes', 'must be true or false'],
    ['list', z.array(z.string()), 'x', 'must be a list'],
    ['map', z.object({}), [], 'must be a map of fields'],
    ['enum', z.enum(['a', 'b']), 'c', 'must be one of a, b'],
    ['literal', z.literal('v1'), 'v2', 'must be v1'],
    ['min(1) text', z.string().min(1), '', 'must not be empty'],
    ['min(3) text', z.string().min(3), 'ab', 'must be at least 3 characters'],
    ['max(1) text', z.string().max(1), 'ab', 'must be at most 1 character'],
    ['min number', z.number().min(1), 0, 'must be at least 1'],
    ['lt number', z.number().lt(5), 5, 'must be less than 5'],
    ['max list', z.array(z.string()).max(2), ['a', 'b', 'c'], 'must list at most 2 items'],
    ['email', z.email(), 'nope', 'must be an email address'],
    ['regex', z.string().regex(/^a$/), 'b', 'is not in the expected format'],
    ['multiple', z.number().multipleOf(5), 7, 'must be a multiple of 5'],
    ['strict map', z.object({}).strict(), { a: 1, b: 2 }, 'has unknown fields a, b'],
    ['discriminated union', z.discriminatedUnion('k', [z.object({ k: z.literal('x') }), z.object({ k: z.literal('y') })]), { k: 'z' }, 'must be one of x, y'],
  ])('%s given %j: %s', (_label, schema, value, message) => {
    expect(only(schema, value)).toEqual([message]);
  });

  it('yields to a message the schema gives', () => {
    expect(only(z.string({ error: 'own words' }), 5)).toEqual(['own words']);
  });
});

describe('target fields, as the API and the database form send them', () => {
  const ok = { name: 'auth-db', engine: 'postgresql', host: 'auth-db.example.com', port: 5432 };

  it.each([
    [{ engine: 'mysql' }, 'engine must be one of postgresql, redis, rabbitmq, patroni, etcd, pgbackrest'],
    [{ port: 'abc' }, 'port must be a whole number from 1 to 65535'],
    [{ port: undefined }, 'port must be a whole number from 1 to 65535'],
    [{ port: 0 }, 'port must be a whole number from 1 to 65535'],
    [{ port: 70000 }, 'port must be a whole number from 1 to 65535'],
    [{ port: 1.5 }, 'port must be a whole number from 1 to 65535'],
    [{ criticality: 'huge' }, 'criticality must be one of low, medium, high, critical'],
    [{ passwordMaxAgeDays: 'soon' }, 'passwordMaxAgeDays must be a whole number of days from 1 to 3650'],
    [{ backupMaxAgeHours: 0 }, 'backupMaxAgeHours must be a whole number of hours from 1 to 8760'],
    [{ tags: ['Has Space'] }, 'tags.0 must be lower-case letters, digits and : _ . - (at most 40)'],
    [{ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'tags must list at most 20 tags'],
    [{ backup: { source: 'tape' } }, 'backup.source must be one of pgbackrest, dump-dir, cronjob'],
    [{ allowPlaintextLogin: 'yes' }, 'allowPlaintextLogin must be true or false'],
    [{ ownerTeam: 't'.repeat(81) }, 'ownerTeam must be at most 80 characters'],
  ])('%j: %s', (patch, message) => {
    expect(messages(createTargetSchema, { ...ok, ...patch })).toEqual([message]);
  });

  it('the schema’s own messages hold without the plain-words map too (a service parsing on its own)', () => {
    const own = (patch: object) => updateTargetSchema.safeParse(patch).error?.issues.map((i) => i.message);
    expect(own({ engine: 'mysql' })).toEqual(['must be one of postgresql, redis, rabbitmq, patroni, etcd, pgbackrest']);
    expect(own({ port: 'abc' })).toEqual(['must be a whole number from 1 to 65535']);
    expect(own({ backup: { source: 'tape' } })).toEqual(['must be one of pgbackrest, dump-dir, cronjob']);
  });
});
