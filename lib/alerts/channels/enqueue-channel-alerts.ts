import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db';
import type { Prisma } from '../../generated/prisma/client';
import type { AlertIntent } from '../alert-intent';
import type { CheckTransition } from '../evaluate-alert-rules';
import type { CheckResult } from '../../checks/check-definition';
import type { ChannelEventKind, ChannelSeverity } from '../../validations/api/notification-channel-schemas';
import { buildChannelEvent, type ChannelEventTarget } from './build-channel-event';
import { storedChannelEventSchema } from '../../validations/api/channel-event-schema';
import { matchChannelRoute } from './match-channel-route';

/** The channel kind of each email rule; critical.new is left out, as every newly failing check is its own check.failing. */
const kindOfRule: Partial<Record<AlertIntent['kind'], ChannelEventKind>> = {
  'cert.expiry': 'cert.expiry',
  'password.rotation': 'password.due',
  'backup.stale': 'check.failing',
  'wal.failing': 'check.failing',
  'grade.drop': 'grade.drop',
};
/** Checks whose failure a rule of its own already reports. */
const ownRule = new Set(['cert.expiry', 'password.age', 'backup.freshness', 'backup.wal_archiving']);

const channelSeverity = (s: string): ChannelSeverity => (s === 'critical' || s === 'high' || s === 'medium' ? s : 'low');

export const channelDedupeKey = (alertKey: string, event: 'trigger' | 'resolve', channelId: string) => `${alertKey}#${event}#channel:${channelId}`;

export interface ChannelAlertInput {
  target: ChannelEventTarget;
  results: readonly CheckResult[];
  /** the email rules' intents with every rule on: channels route for themselves */
  intents: readonly AlertIntent[];
  transitions: readonly CheckTransition[];
  exceptedIds: ReadonlySet<string>;
  exceptionEndedIds: ReadonlySet<string>;
  at: Date;
  publicUrl: string;
}

interface PendingEvent {
  kind: ChannelEventKind;
  severity: ChannelSeverity;
  alertKey: string;
  summary: string;
  checkId: string | null;
  facts: AlertIntent['facts'];
}

/**
 * Outbox rows for the notification channels, in the scan's transaction: one per (alert, channel) whose routing takes
 * it, keyed so a re-run writes nothing; and a resolve for every trigger a channel got for a check that passes again.
 */
export async function enqueueChannelAlerts(tx: Tx, input: ChannelAlertInput): Promise<number> {
  const channels = await tx.notificationChannel.findMany({ where: { enabled: true }, select: { id: true, kinds: true, minSeverity: true, environments: true, teams: true } });
  if (channels.length === 0) return 0;
  const { target, at } = input;
  const byId = new Map(input.results.map((r) => [r.id, r]));
  const events: PendingEvent[] = [];
  for (const intent of input.intents) {
    const kind = kindOfRule[intent.kind];
    if (kind) events.push({ kind, severity: intent.severity, alertKey: intent.dedupeKey, summary: `${target.name}: ${intent.headline}`, checkId: intent.checkId ?? null, facts: intent.facts });
  }
  const turnedFail = new Set(input.transitions.filter((t) => t.to === 'fail' && t.from !== 'fail').map((t) => t.checkId));
  for (const id of input.exceptionEndedIds) if (byId.get(id)?.status === 'fail') turnedFail.add(id);
  for (const id of turnedFail) {
    const r = byId.get(id);
    if (!r || input.exceptedIds.has(id) || ownRule.has(id)) continue;
    // One key per failure episode: the scan that saw it turn fail names it, and its resolve carries the same key.
    const alertKey = `check:${target.id}:${id}:${at.getTime()}`;
    events.push({ kind: 'check.failing', severity: channelSeverity(r.severity), alertKey, summary: `${target.name}: failing check: ${r.title}`, checkId: id, facts: { Observed: r.summary } });
  }

  const rows: Prisma.OutboxCreateManyInput[] = [];
  const row = (channelId: string, event: 'trigger' | 'resolve', e: PendingEvent, doc: ReturnType<typeof buildChannelEvent>): Prisma.OutboxCreateManyInput => ({
    id: doc.id,
    dedupeKey: channelDedupeKey(e.alertKey, event, channelId),
    kind: event === 'resolve' ? 'check.resolved' : e.kind,
    targetId: target.id,
    severity: e.severity,
    recipients: [],
    subject: e.summary.slice(0, 250),
    text: e.summary,
    html: '',
    status: 'pending',
    nextAttemptAt: at,
    channelId,
    event,
    alertKey: e.alertKey,
    checkId: e.checkId,
    payload: storedChannelEventSchema.parse(doc) as Prisma.InputJsonValue,
  });
  const route = { environment: target.environment, ownerTeam: target.ownerTeam };
  for (const e of events) {
    const check = e.checkId ? (byId.get(e.checkId) ?? null) : null;
    for (const c of channels) {
      if (!matchChannelRoute(c, { kind: e.kind, severity: e.severity, ...route })) continue;
      const doc = buildChannelEvent({ id: randomUUID(), event: e.kind, dedupeKey: e.alertKey, at, severity: e.severity, summary: e.summary, target, check, facts: e.facts, publicUrl: input.publicUrl });
      rows.push(row(c.id, 'trigger', e, doc));
    }
  }

  const passed = input.transitions.filter((t) => t.from === 'fail' && t.to === 'pass').map((t) => t.checkId);
  if (passed.length) {
    const resolving = new Map(channels.filter((c) => c.kinds.includes('check.resolved')).map((c) => [c.id, c]));
    const triggers = await tx.outbox.findMany({
      where: { targetId: target.id, checkId: { in: passed }, event: 'trigger', channelId: { in: [...resolving.keys()] } },
      select: { channelId: true, alertKey: true, checkId: true, severity: true },
      distinct: ['channelId', 'alertKey'],
    });
    for (const t of triggers) {
      const check = byId.get(t.checkId!);
      if (!check || !t.alertKey || !t.channelId) continue;
      const e: PendingEvent = { kind: 'check.resolved', severity: channelSeverity(t.severity ?? 'low'), alertKey: t.alertKey, summary: `${target.name}: resolved: ${check.title}`, checkId: check.id, facts: { Observed: check.summary } };
      const doc = buildChannelEvent({ id: randomUUID(), event: 'check.resolved', dedupeKey: t.alertKey, at, severity: e.severity, summary: e.summary, target, check, facts: e.facts, publicUrl: input.publicUrl });
      rows.push(row(t.channelId, 'resolve', e, doc));
    }
  }
  if (rows.length === 0) return 0;
  const { count } = await tx.outbox.createMany({ data: rows, skipDuplicates: true });
  return count;
}
