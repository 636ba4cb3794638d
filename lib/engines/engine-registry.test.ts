import { describe, expect, it } from 'vitest';
import { checkCatalog } from '../checks/check-catalog';
import { Engine as PrismaEngine } from '../generated/prisma/enums';
import { defaultPortFor, targetFieldsSchema } from '../validations/target';
import { checksFor, engineDefinition, engineRegistry, findEngine } from './engine-registry';

const catalogIds = new Set(checkCatalog.map((c) => c.id));
const declared = (e: (typeof engineRegistry)[number]) => [...e.concerns.flatMap((c) => c.checks), ...e.checks];

describe('engine registry', () => {
  it("holds exactly the inventory's engines, in the enum's order (zod and the Prisma enum)", () => {
    const ids = engineRegistry.map((e) => e.id);
    expect(ids).toEqual(targetFieldsSchema.shape.engine.options);
    expect(ids).toEqual(Object.values(PrismaEngine));
  });

  it("agrees with the inventory form's default ports", () => {
    for (const e of engineRegistry) expect(e.defaultPort, e.id).toBe(defaultPortFor(e.id));
  });

  it.each(engineRegistry.map((e) => [e.id, e] as const))('%s declares only registered checks, each once', (_id, e) => {
    const ids = declared(e).map((c) => c.id);
    expect(ids.filter((id) => !catalogIds.has(id))).toEqual([]);
    // The same object as the registry's: a copy with the same id would run a stale definition.
    expect(declared(e).filter((c) => !checkCatalog.includes(c)).map((c) => c.id)).toEqual([]);
    expect(ids.length).toBe(new Set(ids).size);
  });

  it('every registered check belongs to some engine, by a concern or as its own', () => {
    const covered = new Set(engineRegistry.flatMap((e) => declared(e).map((c) => c.id)));
    expect(checkCatalog.map((c) => c.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it("no engine lists a concern's check as its own as well", () => {
    const inConcerns = new Set(engineRegistry.flatMap((e) => e.concerns.flatMap((c) => c.checks)));
    expect(engineRegistry.flatMap((e) => e.checks.filter((c) => inConcerns.has(c)).map((c) => `${e.id}: ${c.id}`))).toEqual([]);
  });

  it("an engine's own checks carry its id prefix, except the Kubernetes and certificate checks it alone has", () => {
    const prefix: Record<string, string> = { postgresql: 'pg.', pgbackrest: 'pgbackrest.' };
    for (const e of engineRegistry) {
      const foreign = e.checks.map((c) => c.id).filter((id) => !id.startsWith(prefix[e.id] ?? `${e.id}.`) && !/^(k8s|cert)\./.test(id));
      expect(foreign, e.id).toEqual([]);
    }
  });

  it('checksFor keeps catalog order and every URL scheme names one engine, except https: which --engine settles', () => {
    for (const e of engineRegistry) {
      const order = checksFor(e.id).map((c) => checkCatalog.indexOf(c));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
    const schemes = engineRegistry.flatMap((e) => e.urlSchemes.map((u) => u.scheme)).filter((s) => s !== 'https:');
    expect(schemes.length).toBe(new Set(schemes).size);
  });

  it('looks engines up by id, and refuses a name that is none', () => {
    expect(engineDefinition('redis').observationKeys).toEqual(['redis']);
    expect(findEngine('mysql')).toBeUndefined();
    expect(() => engineDefinition('mysql')).toThrow('unknown engine mysql');
  });
});
