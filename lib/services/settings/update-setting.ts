import 'server-only';
import type { z } from 'zod';
import { db } from '../../db';
import type { Prisma } from '../../generated/prisma/client';
import { allSettings, type SettingInput, type SettingName, type SettingValue } from '../../settings/all-settings';
import type { Setting } from '../../settings/define-setting';
import { changedFields } from '../audit/redact';
import { writeAudit } from '../audit/write-audit';
import { authorize, type ServiceContext } from '../service-context';

/** Replaces a setting's whole value (PUT semantics), parsed, and audited in the same transaction. */
export async function updateSetting<K extends SettingName>(ctx: ServiceContext, name: K, input: SettingInput<K>): Promise<SettingValue<K>> {
  const setting: Setting<z.ZodType<Record<string, unknown>>> = allSettings[name];
  authorize(ctx, setting.permission);
  const data = setting.schema.parse(input);
  return db.$transaction(async (tx) => {
    const before = await setting.load(tx);
    const value = data as Prisma.InputJsonValue;
    await tx.setting.upsert({ where: { key: setting.key }, create: { key: setting.key, value }, update: { value } });
    await writeAudit(tx, ctx, { action: setting.auditAction, entity: 'setting', entityId: setting.key, diff: changedFields(before, data) });
    return data as SettingValue<K>;
  });
}
