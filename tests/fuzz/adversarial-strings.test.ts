import '../setup/store-env';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { z } from 'zod';
import { db } from '../../lib/db';
import { allOperations } from '../../lib/api/all-operations';
import type { ApiOperation } from '../../lib/api/api-operation';
import { createApiToken } from '../../lib/services/tokens/create-api-token';
import { createTarget } from '../../lib/services/targets/create-target';
import { systemContext } from '../../lib/services/service-context';
import { inventoryDocumentSchema } from '../../lib/validations/inventory-file';
import { editorCtx, uniqueName } from '../setup/contexts';
import { callRoute, type RouteCall } from '../support/call-route';
import { adversarialValues } from './adversarial-values';
import { baseValue, leafVariants } from './schema-variants';

// Thousands of calls with one token: the per-caller API limit is not what this file tests.
process.env.POSTURE_API_RATE_LIMIT = '1000000';

/** CPU budget of one request, from the route handler's call to the end of its answer. */
const budgetMs = 100;
let token = '';
let targetId = '';
let scanId = '';
const candidates: unknown[] = [];

beforeAll(async () => {
  token = (await createApiToken(systemContext('adversarial'), { name: uniqueName('adversarial'), scopes: ['read', 'scan', 'write'] })).token;
  const t = await createTarget(editorCtx, { name: uniqueName('adversarial'), engine: 'postgresql', host: 'db.example.internal', port: 5432 });
  targetId = t.id;
  scanId = (await db.scan.create({ data: { targetId, trigger: 'api', status: 'queued', slot: `adversarial:${randomUUID()}` } })).id;
  // Plain values for the fields not under test: the first one a field's schema accepts is used.
  candidates.push(uniqueName('adv'), 'db.example.internal', '/adv', 5432, true, false, new Date().toISOString());
});

type Call = Omit<RouteCall, 'token' | 'template' | 'method'> & { field: string };
const text = (v: Record<string, unknown>) => Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)]));

/** The calls that put `value` into each field of the operation in turn: path parameter, query parameter, body field. */
function callsFor(op: ApiOperation, value: string): Call[] {
  const params = op.params ? { id: op.path.startsWith('/api/v1/scans') ? scanId : targetId } : undefined;
  const query = op.query ? text((baseValue(op.query, candidates) ?? {}) as Record<string, unknown>) : undefined;
  const yaml = op.requestContentType === 'application/yaml';
  const json = { 'content-type': 'application/json' };
  const body = op.body && !yaml ? JSON.stringify(baseValue(op.body, candidates) ?? {}) : yaml ? stringify({ apiVersion: 'posture/v1', kind: 'Inventory' }) : undefined;
  const headers = op.body && !yaml ? json : undefined;
  // A parameter the operation does not know, by value and by name, reaches every operation.
  const calls: Call[] = [
    { field: 'query.(unknown)', params, query: { ...query, unknownParameter: value }, body, headers },
    { field: 'query.(unknown name)', params, query: { ...query, [value]: '1' }, body, headers },
  ];
  for (const v of op.params ? leafVariants(op.params, value, candidates) : []) calls.push({ field: `params.${v.path}`, params: text(v.value as Record<string, unknown>), query, body, headers });
  for (const v of op.query ? leafVariants(op.query, value, candidates) : []) calls.push({ field: `query.${v.path}`, params, query: text(v.value as Record<string, unknown>), body, headers });
  if (yaml) {
    for (const v of leafVariants(inventoryDocumentSchema, value, candidates)) calls.push({ field: `yaml.${v.path}`, params, query, body: stringify(v.value) });
  } else if (op.body) {
    for (const v of leafVariants(op.body as z.ZodType, value, candidates)) calls.push({ field: `body.${v.path}`, params, query, body: JSON.stringify(v.value), headers: json });
  }
  return calls;
}

/**
 * CPU time of this process (user + system) spent on one call, not wall time: other processes on a loaded 2-core
 * machine can delay the answer but cannot add CPU time here. A slow call is measured again and the faster run kept,
 * so a one-off GC pause or first-call compilation is not a failure; super-linear work is slow both times.
 */
async function measure(op: ApiOperation, call: Call, budget = budgetMs): Promise<{ status: number; cpuMs: number }> {
  let best = { status: 0, cpuMs: Infinity };
  for (let attempt = 0; attempt < 2 && best.cpuMs > budget; attempt++) {
    const before = process.cpuUsage();
    const res = await callRoute({ ...call, method: op.method, template: op.path, token });
    await res.text();
    const used = process.cpuUsage(before);
    best = { status: res.status, cpuMs: Math.min(best.cpuMs, (used.user + used.system) / 1000) };
  }
  return best;
}

describe.each(allOperations.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))('adversarial strings: %s', (_label, op) => {
  it(`answers a 64 KiB adversarial value in every field with a 2xx or 4xx, within ${budgetMs} ms of CPU`, async () => {
    const failures: string[] = [];
    let calls = 0;
    for (const [shape, value] of adversarialValues) {
      for (const call of callsFor(op, value)) {
        const { status, cpuMs } = await measure(op, call);
        calls++;
        if (status < 200 || status >= 500 || cpuMs > budgetMs) failures.push(`${call.field} = ${shape}: ${status} after ${cpuMs.toFixed(0)} ms CPU`);
      }
    }
    expect(calls).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  }, 300_000);
});

/**
 * The YAML text itself goes through the yaml library, which is linear but costs up to ~5 µs a byte on dense garbage
 * (measured: 64 KiB of `[a]` or `: ` lines, ~300 ms). So the text gets its own budget and a proof of linearity:
 * four times the text may cost at most eight times as much (a quadratic path costs sixteen).
 */
const yamlTextBudgetMs = 600;
describe.each(allOperations.filter((op) => op.requestContentType === 'application/yaml').map((op) => [op.path, op] as const))('adversarial YAML text: POST %s', (_path, op) => {
  it.each(adversarialValues)(`answers 64 KiB of %s within ${yamlTextBudgetMs} ms of CPU, and 256 KiB within 8× that`, async (_shape, value) => {
    const small = await measure(op, { field: '(body)', body: value }, yamlTextBudgetMs);
    expect(small.status).toBeGreaterThanOrEqual(200);
    expect(small.status).toBeLessThan(500);
    expect(small.cpuMs).toBeLessThanOrEqual(yamlTextBudgetMs);
    const large = await measure(op, { field: '(body)', body: value.repeat(4) }, 8 * Math.max(small.cpuMs, 10));
    expect(large.status).toBeLessThan(500);
    expect(large.cpuMs).toBeLessThanOrEqual(8 * Math.max(small.cpuMs, 10));
  }, 60_000);
});
