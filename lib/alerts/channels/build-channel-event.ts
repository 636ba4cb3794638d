import type { AlertIntent } from '../alert-intent';
import { databaseUrl } from '../render-alert-email';
import type { CheckResult } from '../../checks/check-definition';
import type { ChannelEventKind, ChannelSeverity } from '../../validations/api/notification-channel-schemas';
import type { StoredChannelEvent } from '../../validations/api/channel-event-schema';

export interface ChannelEventTarget {
  id: string;
  name: string;
  engine: string | null;
  host: string | null;
  port: number | null;
  environment: string | null;
  ownerTeam: string | null;
}

type EventCheck = Pick<CheckResult, 'id' | 'title' | 'status' | 'summary' | 'remediation'>;

/** Only scalar facts travel; nulls and empty strings are left out. */
function scalarFacts(facts: AlertIntent['facts']): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(facts)) if (v !== null && v !== '') out[k] = v;
  return out;
}

/** The channel-neutral document of one alert, as the outbox stores it (the webhook body without sentAt). */
export function buildChannelEvent(input: {
  id: string;
  event: ChannelEventKind | 'test';
  dedupeKey: string;
  at: Date;
  severity: ChannelSeverity;
  summary: string;
  target: ChannelEventTarget | null;
  check: EventCheck | null;
  facts: AlertIntent['facts'];
  publicUrl: string;
}): StoredChannelEvent {
  const t = input.target;
  return {
    schemaVersion: 1,
    id: input.id,
    event: input.event,
    dedupeKey: input.dedupeKey,
    occurredAt: input.at.toISOString(),
    severity: input.severity,
    summary: input.summary.slice(0, 500),
    database: t ? { id: t.id, name: t.name, engine: t.engine, host: t.host, port: t.port, environment: t.environment, ownerTeam: t.ownerTeam } : null,
    check: input.check
      ? { id: input.check.id, title: input.check.title, status: input.check.status, summary: input.check.summary.slice(0, 2000), remediation: input.check.remediation?.slice(0, 4000) ?? null }
      : null,
    facts: scalarFacts(input.facts),
    link: t ? databaseUrl(input.publicUrl, t.id) : `${input.publicUrl}/alerts`,
  };
}
