import '../setup/store-env';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '../../lib/db';
import type { CheckResult } from '../../lib/checks/check-definition';
import { alertsForScan, targetBeforeScan } from '../../lib/alerts/alerts-for-scan';
import { gradeTarget } from '../../lib/grading/grade-target';
import { persistScanResult } from '../../lib/scan/persist-scan-result';
import { deliverChannelOutbox } from '../../lib/alerts/channels/deliver-channel-outbox';
import { createNotificationChannel } from '../../lib/services/notifications/create-notification-channel';
import { deleteNotificationChannel } from '../../lib/services/notifications/delete-notification-channel';
import { sendChannelTest } from '../../lib/services/notifications/send-channel-test';
import { updateNotificationChannel } from '../../lib/services/notifications/update-notification-channel';
import { createTarget } from '../../lib/services/targets/create-target';
import { webhookEventSchema } from '../../lib/validations/api/channel-event-schema';
import { adminCtx, editorCtx, uniqueName } from '../setup/contexts';
import { listenOnLowPort } from '../support/listen-low-port';
import { callRoute } from '../support/call-route';
import { sessionJwt } from '../support/session-jwt';
import { ensureTestUsers } from '../support/seed-graded-target';

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  raw: string;
}

/** A real HTTP receiver on a low loopback port; `answers` are the statuses it gives, the last one repeated. */
async function receiver(answers: number[] = [200], port?: number) {
  const got: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      got.push({ path: req.url ?? '', headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
      const status = answers.length > 1 ? answers.shift()! : answers[0]!;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 410 ? 'channel_is_archived' : 'ok');
    });
  });
  const p = port ?? (await listenOnLowPort(server));
  if (port) await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => resolve()));
  return { got, port: p, url: `http://127.0.0.1:${p}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const team = uniqueName('ch-team');
const slackSecretPath = `/services/T0POSTURE/B0POSTURE/${uniqueName('slacksecret')}`;
const teamsSecretPath = `/workflows/${uniqueName('teamssecret')}/triggers/manual/paths/invoke`;
const routingKey = `R${uniqueName('routing').replace(/-/g, '')}`;
const signingSecret = `whsec-${uniqueName('hmac-secret')}`;
const secrets = [slackSecretPath, teamsSecretPath, routingKey, signingSecret];
const logged: string[] = [];
const channelIds: string[] = [];
const receivers: Awaited<ReturnType<typeof receiver>>[] = [];
let targetId = '';
let clock = Date.now();

function result(status: CheckResult['status']): CheckResult {
  return {
    id: 'pg.tls.enabled',
    title: 'TLS is enabled',
    area: 'tls',
    severity: 'high',
    status,
    summary: status === 'fail' ? 'ssl = off' : 'ssl = on',
    evidence: { ssl: status === 'fail' ? 'off' : 'on' },
    remediation: "ALTER SYSTEM SET ssl = 'on';\nSELECT pg_reload_conf();",
    compliance: [],
  };
}

/** The scan's own transaction: persist the result, then the alerts it calls for, as runScan does. */
async function scan(status: CheckResult['status']) {
  clock += 60_000;
  const at = new Date(clock);
  const results = [result(status)];
  await db.$transaction(async (tx) => {
    const before = await targetBeforeScan(tx, targetId);
    const { changed } = await persistScanResult(tx, { targetId, results, grade: gradeTarget(results), at });
    await alertsForScan(tx, { before, results, grade: gradeTarget(results), changed, at });
  });
}

const bodies = (r: { got: Received[] }) => r.got.map((g) => JSON.parse(g.raw) as Record<string, unknown>);

beforeAll(async () => {
  await ensureTestUsers();
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, level).mockImplementation((...a: unknown[]) => void logged.push(a.map(String).join(' ')));
  const t = await createTarget(editorCtx, { name: uniqueName('ch-db'), engine: 'postgresql', host: 'db.example.internal', port: 5432, ownerTeam: team, environment: 'production' });
  targetId = t.id;
});

afterAll(async () => {
  vi.restoreAllMocks();
  for (const id of channelIds) await deleteNotificationChannel(adminCtx, id).catch(() => undefined);
  await db.target.updateMany({ where: { id: targetId }, data: { archivedAt: new Date() } });
  for (const r of receivers) await r.close();
});

describe('notification channels with real receivers', () => {
  const r = {} as Record<'slack' | 'teams' | 'pagerduty' | 'webhook', Awaited<ReturnType<typeof receiver>>>;

  beforeAll(async () => {
    for (const k of ['slack', 'teams', 'pagerduty', 'webhook'] as const) receivers.push((r[k] = await receiver()));
    // Grade drops go elsewhere: these four get the check's own trigger and resolve only.
    const routing = { teams: [team], kinds: ['check.failing' as const, 'check.resolved' as const] };
    const made = [
      await createNotificationChannel(adminCtx, { type: 'slack', name: uniqueName('slack'), webhookUrl: `${r.slack.url}${slackSecretPath}`, ...routing }),
      await createNotificationChannel(adminCtx, { type: 'teams', name: uniqueName('teams'), webhookUrl: `${r.teams.url}${teamsSecretPath}`, ...routing }),
      await createNotificationChannel(adminCtx, { type: 'pagerduty', name: uniqueName('pd'), routingKey, url: `${r.pagerduty.url}/v2/enqueue`, ...routing }),
      await createNotificationChannel(adminCtx, { type: 'webhook', name: uniqueName('hook'), url: `${r.webhook.url}/posture`, signingSecret, ...routing }),
    ];
    channelIds.push(...made.map((c) => c.id));
    for (const c of made) {
      expect(c.secret).toBe('set');
      for (const s of secrets) expect(JSON.stringify(c)).not.toContain(s);
    }
  });

  it('a failing check reaches every type in its own shape, once, however often the scan is re-run', async () => {
    await scan('pass');
    await scan('fail');
    await scan('fail');
    const run = await deliverChannelOutbox({ now: new Date(clock) });
    expect(run.dead).toBe(0);
    await deliverChannelOutbox({ now: new Date(clock + 1000) });
    for (const k of ['slack', 'teams', 'pagerduty', 'webhook'] as const) expect(r[k].got.length, k).toBe(1);

    expect(r.slack.got[0]!.path).toBe(slackSecretPath);
    const slack = bodies(r.slack)[0] as { text: string; blocks: { type: string }[] };
    expect(slack.text).toContain('failing check: TLS is enabled');
    expect(slack.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'section', 'actions', 'context']);
    expect(JSON.stringify(slack)).toContain('pg_reload_conf');

    expect(r.teams.got[0]!.path).toBe(teamsSecretPath);
    const teams = bodies(r.teams)[0] as { type: string; attachments: { contentType: string; content: { type: string; body: { type: string }[] } }[] };
    expect(teams.type).toBe('message');
    expect(teams.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(teams.attachments[0]!.content.type).toBe('AdaptiveCard');
    expect(JSON.stringify(teams)).toContain('ssl = off');

    const pd = bodies(r.pagerduty)[0] as { routing_key: string; event_action: string; dedup_key: string; payload: Record<string, unknown> };
    expect(r.pagerduty.got[0]!.path).toBe('/v2/enqueue');
    expect(pd.routing_key).toBe(routingKey);
    expect(pd.event_action).toBe('trigger');
    expect(pd.dedup_key).toMatch(new RegExp(`^check:${targetId}:pg\\.tls\\.enabled:\\d+$`));
    expect(pd.payload).toMatchObject({ severity: 'error', source: 'db.example.internal:5432', class: 'pg.tls.enabled', custom_details: expect.objectContaining({ evidence: 'ssl = off' }) });
    expect(String(pd.payload.summary)).toContain('TLS is enabled');

    const hook = r.webhook.got[0]!;
    const event = webhookEventSchema.parse(JSON.parse(hook.raw));
    expect(event).toMatchObject({ schemaVersion: 1, event: 'check.failing', severity: 'high', dedupeKey: pd.dedup_key, check: { id: 'pg.tls.enabled', status: 'fail' } });
    const expected = `sha256=${createHmac('sha256', signingSecret).update(hook.raw).digest('hex')}`;
    expect(hook.headers['x-posture-signature']).toBe(expected);
    expect(hook.headers['x-posture-signature']).not.toBe(`sha256=${createHmac('sha256', 'another-secret-value').update(hook.raw).digest('hex')}`);
    expect(Number(hook.headers['x-posture-timestamp']) * 1000).toBe(Date.parse(event.sentAt));
    expect(hook.headers['x-posture-delivery']).toBe(event.id);
  });

  it('the check passing again resolves it: PagerDuty resolve with the same dedup_key, a resolved message, check.resolved', async () => {
    const trigger = bodies(r.pagerduty)[0] as { dedup_key: string };
    await scan('pass');
    await scan('pass');
    await deliverChannelOutbox({ now: new Date(clock) });
    for (const k of ['slack', 'teams', 'pagerduty', 'webhook'] as const) expect(r[k].got.length, k).toBe(2);
    expect(bodies(r.pagerduty)[1]).toEqual({ routing_key: routingKey, event_action: 'resolve', dedup_key: trigger.dedup_key });
    expect((bodies(r.slack)[1] as { text: string }).text).toMatch(/Resolved/);
    expect(JSON.stringify(bodies(r.teams)[1])).toContain('Resolved');
    const resolved = webhookEventSchema.parse(bodies(r.webhook)[1]);
    expect(resolved).toMatchObject({ event: 'check.resolved', dedupeKey: trigger.dedup_key, check: { status: 'pass' } });
    const hook = r.webhook.got[1]!;
    expect(hook.headers['x-posture-signature']).toBe(`sha256=${createHmac('sha256', signingSecret).update(hook.raw).digest('hex')}`);
  });

  it('a receiver that is down gets the delivery after it comes back, exactly once', async () => {
    const probe = await receiver();
    const port = probe.port;
    await probe.close();
    const c = await createNotificationChannel(adminCtx, { type: 'webhook', name: uniqueName('outage'), url: `http://127.0.0.1:${port}/hook`, signingSecret, teams: [team] });
    channelIds.push(c.id);
    const first = await sendChannelTest(adminCtx, c.id);
    expect(first.status).toBe('pending');
    expect(first.attempts).toBe(1);
    expect(first.lastError).toMatch(/ECONNREFUSED/);
    // Before its backoff ends nothing is sent; the receiver comes back.
    expect((await deliverChannelOutbox({ ids: [first.id], now: new Date() })).claimed).toBe(0);
    const back = await receiver([200], port);
    receivers.push(back);
    const later = new Date(Date.now() + 3_600_000);
    expect((await deliverChannelOutbox({ ids: [first.id], now: later })).sent).toBe(1);
    expect((await deliverChannelOutbox({ ids: [first.id], now: new Date(later.getTime() + 7_200_000) })).claimed).toBe(0);
    expect(back.got.length).toBe(1);
    expect(webhookEventSchema.parse(JSON.parse(back.got[0]!.raw)).id).toBe(first.id);
    const row = await db.outbox.findUniqueOrThrow({ where: { id: first.id } });
    expect(row).toMatchObject({ status: 'sent', attempts: 2, responseStatus: 200 });
  });

  it('a 410 stops the retries and says why; a 503 is retried', async () => {
    const gone = await receiver([410]);
    const busy = await receiver([503, 200]);
    receivers.push(gone, busy);
    const g = await createNotificationChannel(adminCtx, { type: 'slack', name: uniqueName('gone'), webhookUrl: `${gone.url}${slackSecretPath}`, teams: [team] });
    const b = await createNotificationChannel(adminCtx, { type: 'webhook', name: uniqueName('busy'), url: `${busy.url}/h`, signingSecret, teams: [team] });
    channelIds.push(g.id, b.id);
    const dead = await sendChannelTest(adminCtx, g.id);
    expect(dead).toMatchObject({ status: 'dead', attempts: 1, responseStatus: 410 });
    expect(dead.lastError).toMatch(/^HTTP 410: channel_is_archived .*retrying stopped/);
    expect((await deliverChannelOutbox({ ids: [dead.id], now: new Date(Date.now() + 86_400_000) })).claimed).toBe(0);
    expect(gone.got.length).toBe(1);
    const retry = await sendChannelTest(adminCtx, b.id);
    expect(retry).toMatchObject({ status: 'pending', responseStatus: 503 });
    expect((await deliverChannelOutbox({ ids: [retry.id], now: new Date(Date.now() + 3_600_000) })).sent).toBe(1);
    expect(busy.got.length).toBe(2);
  });

  it('refuses channel URLs the network policy refuses, and plain HTTP to a public address, at save', async () => {
    const refused = [
      { type: 'webhook' as const, name: uniqueName('meta'), url: 'http://169.254.169.254/latest', signingSecret },
      { type: 'webhook' as const, name: uniqueName('public-http'), url: 'http://8.8.8.8/hook', signingSecret },
      { type: 'slack' as const, name: uniqueName('meta-slack'), webhookUrl: 'https://[fe80::1]/services/x' },
    ];
    for (const input of refused) await expect(createNotificationChannel(adminCtx, input)).rejects.toMatchObject({ code: 'bad_request' });
    await expect(updateNotificationChannel(adminCtx, channelIds[3]!, { url: 'http://169.254.169.254/' })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(updateNotificationChannel(adminCtx, channelIds[0]!, { routingKey: 'abc' })).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('the API answers the secret only as "set", and no secret is in any stored row, audit row, API body or log line', async () => {
    const cookie = `next-auth.session-token=${await sessionJwt(adminCtx.actor.kind === 'user' ? adminCtx.actor.id : '')}`;
    const list = await callRoute({ method: 'get', template: '/api/v1/notification-channels', headers: { cookie } });
    expect(list.status).toBe(200);
    const listed = await list.text();
    const one = await callRoute({ method: 'get', template: '/api/v1/notification-channels/{id}', params: { id: channelIds[0]! }, headers: { cookie } });
    const oneText = await one.text();
    expect((JSON.parse(oneText) as { secret: string }).secret).toBe('set');
    const rows = await db.outbox.findMany({ where: { channelId: { in: channelIds } } });
    const channels = await db.notificationChannel.findMany({ where: { id: { in: channelIds } } });
    const audit = await db.auditLog.findMany({ where: { entityId: { in: channelIds } } });
    const stored = JSON.stringify([rows, channels.map((c) => ({ ...c, secretCiphertext: undefined })), audit], (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    expect(rows.length).toBeGreaterThan(8);
    for (const s of secrets) {
      for (const [where, text] of [['stored rows', stored], ['API list', listed], ['API get', oneText], ['logs', logged.join('\n')]] as const) expect(text, `${where} hold ${s}`).not.toContain(s);
      for (const k of ['slack', 'teams', 'webhook'] as const) for (const g of r[k].got) expect(g.raw, `${k} body`).not.toContain(s);
    }
    for (const g of r.pagerduty.got) expect(g.raw.split(routingKey).length).toBe(2);
  });
});
