import type { z } from 'zod';
import { db, type Db, type Tx } from '../db';
import type { Permission } from '../access/permissions';

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
  permission: Permission;
  readPermission: Permission;
  auditAction: string;
  /** the stored value, or the defaults when none is stored or it no longer parses; no authorization (trusted callers) */
  load: (client?: Db | Tx) => Promise<z.output<S>>;
}

/**
 * One admin-editable setting stored as a JSON row, and how to load it with defaults. Reading it for a caller and
 * replacing it are services (lib/services/settings), so the scan and alert code can load it below the service layer.
 */
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
    permission: spec.permission,
    readPermission: spec.readPermission ?? spec.permission,
    auditAction: spec.auditAction,
    load,
  };
}
