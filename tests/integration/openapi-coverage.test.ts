import '../setup/store-env';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allOperations } from '../../lib/api/all-operations';
import { buildOpenApiDocument } from '../../lib/api/build-openapi-document';
import { apiScopes, scopesGranting } from '../../lib/access/api-scopes';

const root = path.resolve(import.meta.dirname, '../..');
const apiDir = path.join(root, 'app/api/v1');
const httpMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** Every route.ts under app/api/v1, as its OpenAPI path template (a [param] folder is {param}). */
function routeFiles(dir = apiDir): { file: string; template: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(p);
    if (e.name !== 'route.ts') return [];
    const template = '/' + path.relative(path.join(root, 'app'), dir).split(path.sep).join('/').replace(/\[([^[\]]+)\]/g, '{$1}');
    return [{ file: p, template }];
  });
}

/** "METHOD /template" for every method a route file exports, read from the module as Next reads it. */
async function handlers(): Promise<string[]> {
  const out: string[] = [];
  for (const { file, template } of routeFiles()) {
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const m of httpMethods) if (typeof mod[m] === 'function') out.push(`${m} ${template}`);
  }
  return out.sort();
}

const documented = () =>
  Object.entries(buildOpenApiDocument().paths)
    .flatMap(([template, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${template}`))
    .sort();

describe('the OpenAPI document covers the API', () => {
  it('every exported method of every /api/v1 route is a documented operation, and every operation has its handler', async () => {
    const onDisk = await handlers();
    expect(onDisk.length).toBeGreaterThan(40);
    const doc = documented();
    expect(onDisk.filter((h) => !doc.includes(h)), 'route handlers missing from the document').toEqual([]);
    expect(doc.filter((d) => !onDisk.includes(d)), 'documented operations without a handler').toEqual([]);
  });

  it('operation ids are unique', () => {
    const ids = allOperations.map((op) => op.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it("each operation shows exactly the token scopes its permission grants (none for admin-only ones), and says who else may call it", () => {
    for (const op of allOperations) {
      const permissions = op.permission === null ? null : typeof op.permission === 'string' ? [op.permission] : op.permission;
      const granted = permissions === null ? [...apiScopes] : apiScopes.filter((s) => permissions.some((p) => scopesGranting(p).includes(s)));
      expect([...op.scopes].sort(), op.operationId).toEqual(granted.sort());
      if (op.scopes.length === 0) expect(op.description ?? '', op.operationId).toMatch(/no token scope opens it/i);
    }
  });
});
