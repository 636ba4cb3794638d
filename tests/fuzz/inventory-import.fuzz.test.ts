import '../setup/store-env';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { createApiToken } from '../../lib/services/tokens/create-api-token';
import { systemContext } from '../../lib/services/service-context';
import { uniqueName } from '../setup/contexts';
import { callRoute } from '../support/call-route';
import { fuzzRuns, nastyJson, nastyString, rowCounts } from './fuzz-support';

process.env.POSTURE_API_RATE_LIMIT = '1000000';
let token = '';

beforeAll(async () => {
  token = (await createApiToken(systemContext('fuzz'), { name: uniqueName('fuzz-yaml'), scopes: ['read', 'write'] })).token;
});

/** Plausible values for each field, with arbitrary ones mixed in, so the fuzz reaches past the first check. */
const value = (good: fc.Arbitrary<unknown>) => fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: nastyJson });
const entry = fc.record(
  {
    name: value(fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/).map((s) => `fuzz-${s}`)),
    engine: value(fc.constantFrom('postgresql', 'redis', 'oracle')),
    host: value(fc.constantFrom('db.example.internal', '10.0.0.5', '169.254.169.254', 'fd00:ec2::254', 'bad host', '')),
    port: value(fc.integer({ min: -5, max: 70_000 })),
    database: value(fc.string({ maxLength: 70 })),
    environment: value(fc.constantFrom('production', 'staging', 'Prod!')),
    owner: value(fc.record({ team: fc.string({ maxLength: 10 }), email: fc.constantFrom('a@b.test', 'nope') }, { requiredKeys: [] })),
    tags: value(fc.array(fc.string({ maxLength: 12 }), { maxLength: 4 })),
    criticality: value(fc.constantFrom('low', 'critical', 'extreme')),
    archived: value(fc.boolean()),
    kubernetes: value(fc.record({ namespace: fc.constantFrom('db', 'BAD NS'), podSelector: fc.constantFrom('app=x', '!!') }, { requiredKeys: [] })),
    backup: value(fc.record({ source: fc.constantFrom('pgbackrest', 'dump-dir', 'tape'), stanza: fc.string({ maxLength: 8 }), dir: fc.constantFrom('/backups', 'relative') }, { requiredKeys: [] })),
    credential: value(fc.record({ username: fc.string({ maxLength: 8 }), password: fc.string({ maxLength: 20 }), passwordFromEnv: fc.constantFrom('PG_PASS', 'bad-name') }, { requiredKeys: [] })),
  },
  { requiredKeys: [] },
);
const document = fc.record(
  { apiVersion: value(fc.constant('posture/v1')), kind: value(fc.constant('Inventory')), databases: value(fc.array(entry, { maxLength: 4 })) },
  { requiredKeys: [] },
);

/** A YAML text: a generated document (or several), sometimes damaged at a random spot, or plain noise. */
const yamlText = fc.oneof(
  { weight: 4, arbitrary: fc.array(document, { minLength: 1, maxLength: 2 }).map((docs) => docs.map((d) => stringify(d)).join('---\n')) },
  {
    weight: 2,
    arbitrary: fc.tuple(document, fc.nat(), fc.constantFrom(':', '- ', '\t', '"', '{', '&a', '*a', '!!binary ', '\n  - ', '<<: *x', '%YAML 9.9\n')).map(
      ([d, at, junk]) => {
        const text = stringify(d);
        const i = at % (text.length + 1);
        return text.slice(0, i) + junk + text.slice(i);
      },
    ),
  },
  { weight: 1, arbitrary: nastyString },
);

describe('fuzz POST /api/v1/inventory/import', () => {
  it('never answers 500, never writes part of a file, and every error names document, line and field', async () => {
    await fc.assert(
      fc.asyncProperty(yamlText, fc.boolean(), async (yaml, literal) => {
        const before = await rowCounts();
        const res = await callRoute({
          method: 'POST', template: '/api/v1/inventory/import', token, body: yaml,
          query: literal ? { allowLiteralPasswords: 'true' } : undefined,
        });
        const text = await res.text();
        expect(res.status, text).toBeLessThan(500);
        if (res.status >= 400) {
          expect(await rowCounts(), text).toEqual(before);
          const { error } = JSON.parse(text) as { error: { details?: { path: string; message: string; line?: number }[] } };
          if (res.status === 400) {
            expect(error.details?.length ?? 0, text).toBeGreaterThan(0);
            for (const d of error.details!) {
              expect(d.path.length, text).toBeGreaterThan(0);
              expect(d.message.length).toBeGreaterThan(0);
            }
          }
        }
      }),
      fuzzRuns(300),
    );
  }, 60_000);
});
