import { checkCatalog } from '../checks/check-catalog';
import type { CheckDefinition } from '../checks/check-definition';
import type { EngineDefinition, EngineId } from './engine-definition';
import { etcdEngine } from './etcd';
import { patroniEngine } from './patroni';
import { pgbackrestEngine } from './pgbackrest';
import { postgresqlEngine } from './postgresql';
import { rabbitmqEngine } from './rabbitmq';
import { redisEngine } from './redis';

/** Every engine Posture scans, in the inventory's order; a test holds it equal to the inventory's engine enum. */
export const engineRegistry: readonly EngineDefinition[] = [postgresqlEngine, redisEngine, rabbitmqEngine, patroniEngine, etcdEngine, pgbackrestEngine];

/** The engine's definition, or undefined for a name that is none. */
export function findEngine(id: string): EngineDefinition | undefined {
  return engineRegistry.find((e) => e.id === id);
}

/** The engine's definition; a name that is none is a programming error, since the inventory and the CLI validate it. */
export function engineDefinition(id: string): EngineDefinition {
  const engine = findEngine(id);
  if (!engine) throw new Error(`unknown engine ${id}`);
  return engine;
}

const applicable = new Map<EngineId, readonly CheckDefinition[]>(
  engineRegistry.map((e) => {
    const own = new Set([...e.concerns.flatMap((c) => c.checks), ...e.checks]);
    return [e.id, checkCatalog.filter((c) => own.has(c))];
  }),
);

/** The checks that judge the engine's targets, its concerns' and its own, in catalog (display) order. */
export function checksFor(id: string): readonly CheckDefinition[] {
  return applicable.get(engineDefinition(id).id) ?? [];
}
