import type { z } from 'zod';
import { db, type Db, type Tx } from '../../db';
import type { Prisma } from '../../generated/prisma/client';
import type { Permission } from '../../auth/permissions';
import { changedFields } from '../audit/redact';
import { writeAudit } from '../audit/write-audit';
import { authorize, type ServiceContext } from '../service-context';

export interface SettingSpec<S extends z.ZodType<Record<string, unknown>>> {
  /** the Setting row's key */
  key: string;
  schema: S;
  /** who may replace it */
  permission: Permission;
  /** who may read it; the same as `permission` unless said */
  readPermission?: Permission;
  /** the value while none is stored or the stored one no longer parses; the schema's own defaults unless said */
  defaults?: z.output<S>;
  /** the audit action of a change, e.g. 'custody.policy.update' */
  auditAction: string;
}

export interface Setting<S extends z.ZodType<Record<string, unknown>>> {
  key: string;
  schema: S;
  defaults: z.output<S>;
  /** the stored value, or the defaults when none is stored or it no longer parses; no authorization (trusted callers) */
  load: (client?: Db | Tx) => Promise<z.output<S>>;
  get: (ctx: ServiceContext) => Promise<z.output<S>>;
  /** replaces the whole value (PUT semantics), audited in the same transaction */
  update: (ctx: ServiceContext, input: z.input<S>) => Promise<z.output<S>>;
}

/** One admin-editable setting stored as a JSON row: load with defaults, authorized read, parsed and audited update. */
export function defineSetting<S extends z.ZodType<Record<string, unknown>>>(spec: SettingSpec<S>): Setting<S> {
  const defaults = spec.defaults ?? (spec.schema.parse({}) as z.output<S>);
  // A stored value that no longer parses (hand-edited, an older shape) falls back to the defaults, so the feature keeps working.
  const load = async (client: Db | Tx = db): Promise<z.output<S>> => {
    const row = await client.setting.findUnique({ where: { key: spec.key }, select: { value: true } });
    const parsed = spec.schema.safeParse(row?.value ?? {});
    return parsed.success ? parsed.data : structuredClone(defaults);
  };
  return {
    key: spec.key,
    schema: spec.schema,
    defaults,
    load,
    get: async (ctx) => {
      authorize(ctx, spec.readPermission ?? spec.permission);
      return load();
    },
    update: async (ctx, input) => {
      authorize(ctx, spec.permission);
      const data = spec.schema.parse(input);
      return db.$transaction(async (tx) => {
        const before = await load(tx);
        const value = data as Prisma.InputJsonValue;
        await tx.setting.upsert({ where: { key: spec.key }, create: { key: spec.key, value }, update: { value } });
        await writeAudit(tx, ctx, { action: spec.auditAction, entity: 'setting', entityId: spec.key, diff: changedFields(before, data) });
        return data;
      });
    },
  };
}
