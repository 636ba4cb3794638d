import '../setup/store-env';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZodError, type z } from 'zod';
import type { Prisma } from '../../lib/generated/prisma/client';
import { db } from '../../lib/db';
import type { ServiceContext } from '../../lib/services/service-context';
import { alertSetting } from '../../lib/settings/alert-setting';
import { custodyPolicySetting } from '../../lib/settings/custody-policy-setting';
import { discoverySetting } from '../../lib/settings/discovery-setting';
import { networkPolicySetting } from '../../lib/settings/network-policy-setting';
import { allSettings, type SettingName } from '../../lib/settings/all-settings';
import type { Setting } from '../../lib/settings/define-setting';
import { getSetting } from '../../lib/services/settings/get-setting';
import { updateSetting } from '../../lib/services/settings/update-setting';
import { adminCtx, editorCtx, viewerCtx } from '../setup/contexts';
import { ensureTestUsers } from '../support/seed-graded-target';

type AnySetting = Setting<z.ZodType<Record<string, unknown>>>;

interface Case {
  name: SettingName;
  setting: AnySetting;
  auditAction: string;
  readers: ServiceContext[];
  nonReaders: ServiceContext[];
  nonWriters: ServiceContext[];
  /** a valid replacement as sent, and what it is stored as */
  change: [sent: unknown, stored: Record<string, unknown>];
  /** a value a hand edit or an older release could have left in the row */
  junk: unknown;
  bad: [sent: unknown, path: string];
}

const cases: [string, Case][] = [
  ['alerts', {
    name: 'alerts', setting: alertSetting, auditAction: 'alerts.settings.update', readers: [viewerCtx, editorCtx, adminCtx], nonReaders: [], nonWriters: [viewerCtx, editorCtx],
    change: [
      { rules: { gradeDrop: false }, securityRecipients: ['Sec@Example.com', 'sec@example.com'], teamAddresses: [{ team: ' payments ', email: 'Pay@Example.com' }] },
      { rules: { ...alertSetting.defaults.rules, gradeDrop: false }, securityRecipients: ['sec@example.com'], digestRecipients: [], teamAddresses: [{ team: 'payments', email: 'pay@example.com' }] },
    ],
    junk: { securityRecipients: 'oops' }, bad: [{ digestRecipients: ['not an address'] }, 'digestRecipients.0'],
  }],
  ['discovery', {
    name: 'discovery', setting: discoverySetting, auditAction: 'discovery.settings.update', readers: [viewerCtx, editorCtx, adminCtx], nonReaders: [], nonWriters: [viewerCtx, editorCtx],
    change: [{ context: '', namespaces: ['b', 'a', 'b'] }, { context: null, namespaces: ['a', 'b'], autoAddNamespaces: [] }],
    junk: { namespaces: 7 }, bad: [{ autoAddNamespaces: ['Bad_NS'] }, 'autoAddNamespaces.0'],
  }],
  ['network policy', {
    name: 'networkPolicy', setting: networkPolicySetting, auditAction: 'network.policy.update', readers: [adminCtx], nonReaders: [viewerCtx, editorCtx], nonWriters: [viewerCtx, editorCtx],
    change: [{ allowedPrivateRanges: ['10.0.0.0/8', '10.0.0.0/8'] }, { allowedPrivateRanges: ['10.0.0.0/8'] }],
    junk: { allowedPrivateRanges: ['not a range'] }, bad: [{ allowedPrivateRanges: ['10.0.0.0/33'] }, 'allowedPrivateRanges.0'],
  }],
  ['custody policy', {
    name: 'custodyPolicy', setting: custodyPolicySetting, auditAction: 'custody.policy.update', readers: [adminCtx], nonReaders: [viewerCtx, editorCtx], nonWriters: [viewerCtx, editorCtx],
    change: [{ envPrefixes: ['LAB_', 'LAB_'] }, { ...custodyPolicySetting.defaults, envPrefixes: ['LAB_'] }],
    junk: { envPrefixes: 'POSTURE_TARGET_' }, bad: [{ envPrefixes: ['lower'] }, 'envPrefixes.0'],
  }],
];

const stored = async (key: string) => (await db.setting.findUnique({ where: { key } }))?.value ?? null;
const audits = (key: string) => db.auditLog.findMany({ where: { entity: 'setting', entityId: key }, orderBy: { id: 'asc' } });

describe.each(cases)('the %s setting', (_name, c) => {
  const { key } = c.setting;
  let saved: Prisma.InputJsonValue | null = null;

  beforeEach(async () => {
    await ensureTestUsers();
    saved = (await stored(key)) as Prisma.InputJsonValue | null;
    await db.setting.deleteMany({ where: { key } });
  });

  afterEach(async () => {
    await db.setting.deleteMany({ where: { key } });
    if (saved !== null) await db.setting.create({ data: { key, value: saved } });
  });

  it('loads its defaults while nothing is stored, and when the stored value no longer parses', async () => {
    expect(allSettings[c.name]).toBe(c.setting);
    expect(await c.setting.load()).toEqual(c.setting.defaults);
    await db.setting.create({ data: { key, value: c.junk as Prisma.InputJsonValue } });
    const loaded = await c.setting.load();
    expect(loaded).toEqual(c.setting.defaults);
    // What a caller does with the value it got cannot change the defaults of the next load.
    for (const v of Object.values(loaded)) if (Array.isArray(v)) v.push('mutated');
    expect(await c.setting.load()).toEqual(c.setting.defaults);
  });

  it('is read by the roles that may read it, and refused to the others', async () => {
    for (const ctx of c.readers) expect(await getSetting(ctx, c.name)).toEqual(c.setting.defaults);
    for (const ctx of c.nonReaders) await expect(getSetting(ctx, c.name)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('is replaced by an admin as parsed, with one audit row of its action naming what changed', async () => {
    const before = (await audits(key)).length;
    const [sent, expected] = c.change;
    expect(await updateSetting(adminCtx, c.name, sent as never)).toEqual(expected);
    expect(await stored(key)).toEqual(expected);
    expect(await c.setting.load()).toEqual(expected);
    const rows = (await audits(key)).slice(before);
    expect(rows.map((r) => [r.action, r.actor])).toEqual([[c.auditAction, 'user:admin@test.local']]);
    expect(Object.keys(rows[0]!.diff as object).length).toBeGreaterThan(0);
  });

  it('refuses other roles and bad values, names the field, and changes nothing', async () => {
    const before = (await audits(key)).length;
    for (const ctx of c.nonWriters) await expect(updateSetting(ctx, c.name, c.change[0] as never)).rejects.toMatchObject({ code: 'forbidden' });
    const [bad, path] = c.bad;
    const error = await updateSetting(adminCtx, c.name, bad as never).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ZodError);
    expect(error instanceof ZodError ? error.issues.map((i) => i.path.join('.')) : []).toContain(path);
    expect(await stored(key)).toBeNull();
    expect((await audits(key)).length).toBe(before);
  });
});
