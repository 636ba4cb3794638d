import '../setup/store-env';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { db } from '../../lib/db';
import { allOperations } from '../../lib/api/all-operations';
import type { ApiOperation } from '../../lib/api/api-operation';
import { createApiToken } from '../../lib/services/tokens/create-api-token';
import { createTarget } from '../../lib/services/targets/create-target';
import { systemContext } from '../../lib/services/service-context';
import { editorCtx, uniqueName } from '../setup/contexts';
import { callRoute } from '../support/call-route';
import { fuzzRuns, nastyJson, nastyString, rowCounts } from './fuzz-support';

// Hundreds of calls with one token: the per-caller API limit is not what this file tests.
process.env.POSTURE_API_RATE_LIMIT = '1000000';

let token = '';
let scanId = '';

beforeAll(async () => {
  token = (await createApiToken(systemContext('fuzz'), { name: uniqueName('fuzz'), scopes: ['read', 'scan', 'write'] })).token;
  const t = await createTarget(editorCtx, { name: uniqueName('fuzz-scan'), engine: 'postgresql', host: 'db.example.internal', port: 5432 });
  scanId = (await db.scan.create({ data: { targetId: t.id, trigger: 'api', status: 'queued', slot: `fuzz:${randomUUID()}` } })).id;
});

const keysOf = (schema: unknown): string[] => (schema instanceof z.ZodObject ? Object.keys(schema.shape) : []);

/** Query strings: the operation's own parameter names (and strangers) with arbitrary values. */
const queryFor = (op: ApiOperation) =>
  fc.dictionary(fc.oneof(fc.constantFrom(...keysOf(op.query), 'limit', 'cursor'), nastyString.filter((k) => k.length > 0)), nastyString, { maxKeys: 4 });

/** Bodies: arbitrary JSON, the schema's own field names with arbitrary values, and text that is not JSON at all. */
const bodyFor = (op: ApiOperation): fc.Arbitrary<unknown> => {
  if (op.requestContentType === 'application/yaml') return fc.oneof(nastyString, fc.string({ maxLength: 400 }));
  const fields = keysOf(op.body);
  return fc.oneof(
    nastyJson,
    fields.length ? fc.dictionary(fc.constantFrom(...fields), nastyJson, { maxKeys: fields.length }) : nastyJson,
    fc.string({ maxLength: 60 }).map((s) => ({ raw: s })),
  );
};

type IdChoice = { kind: 'fresh' } | { kind: 'scan' } | { kind: 'text'; value: string };
const idFor = (op: ApiOperation): fc.Arbitrary<IdChoice> =>
  fc.oneof(
    fc.constant<IdChoice>(op.path.startsWith('/api/v1/scans') ? { kind: 'scan' } : { kind: 'fresh' }),
    fc.uuid().map<IdChoice>((value) => ({ kind: 'text', value })),
    nastyString.map<IdChoice>((value) => ({ kind: 'text', value })),
  );

async function resolveId(choice: IdChoice): Promise<string> {
  if (choice.kind === 'scan') return scanId;
  if (choice.kind === 'text') return choice.value;
  return (await createTarget(editorCtx, { name: uniqueName('fuzz'), engine: 'postgresql', host: 'db.example.internal', port: 5432 })).id;
}

describe.each(allOperations.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))('fuzz %s', (_label, op) => {
  it('never answers 500, never writes on a 4xx, and every 400 names the field', async () => {
    const hasBody = op.method !== 'get' && op.method !== 'delete';
    await fc.assert(
      fc.asyncProperty(op.params ? idFor(op) : fc.constant(null), queryFor(op), hasBody ? bodyFor(op) : fc.constant(undefined), async (id, query, body) => {
        const params = id ? { id: await resolveId(id) } : undefined;
        const yaml = op.requestContentType === 'application/yaml';
        const raw = body !== null && typeof body === 'object' && 'raw' in body && Object.keys(body).length === 1;
        // Strings are sent as they are by callRoute, so JSON values are encoded here.
        const sent = body === undefined || yaml ? body : raw ? (body as { raw: string }).raw : JSON.stringify(body);
        const before = await rowCounts();
        const res = await callRoute({
          method: op.method, template: op.path, params, query, token,
          body: sent, headers: body !== undefined && !yaml ? { 'content-type': 'application/json' } : undefined,
        });
        const text = await res.text();
        expect(res.status, text).not.toBe(500);
        expect(res.status, text).toBeLessThan(500);
        if (res.status >= 400) {
          expect(await rowCounts()).toEqual(before);
          const envelope = JSON.parse(text) as { error: { code: string; message: string; details?: { path: string; message: string }[] } };
          expect(envelope.error.message.length).toBeGreaterThan(0);
          if (res.status === 400) {
            expect(envelope.error.details?.length ?? 0, text).toBeGreaterThan(0);
            for (const d of envelope.error.details!) {
              expect(typeof d.path).toBe('string');
              expect(d.path.length).toBeGreaterThan(0);
            }
          }
        }
      }),
      fuzzRuns(40),
    );
  }, 60_000);
});
