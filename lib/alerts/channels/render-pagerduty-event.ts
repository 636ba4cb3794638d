import type { WebhookEvent } from '../../validations/api/channel-event-schema';

const pdSeverity = { critical: 'critical', high: 'error', medium: 'warning', low: 'info' } as const;

/** Events API v2: a trigger keyed by the alert's dedupe key, or a resolve with the same key when the check passes again. */
export function renderPagerDutyEvent(e: WebhookEvent, routingKey: string): Record<string, unknown> {
  if (e.event === 'check.resolved') return { routing_key: routingKey, event_action: 'resolve', dedup_key: e.dedupeKey };
  const db = e.database;
  return {
    routing_key: routingKey,
    event_action: 'trigger',
    dedup_key: e.dedupeKey,
    payload: {
      summary: e.summary.slice(0, 1024),
      severity: pdSeverity[e.severity],
      source: db ? (db.host ? `${db.host}${db.port ? `:${db.port}` : ''}` : db.name) : 'posture',
      component: db?.name ?? 'posture',
      ...(db?.environment ? { group: db.environment } : {}),
      class: e.check?.id ?? e.event,
      timestamp: e.occurredAt,
      custom_details: {
        event: e.event,
        ...(db ? { database: db.name, engine: db.engine, owner_team: db.ownerTeam } : {}),
        ...(e.check ? { check: e.check.id, check_title: e.check.title, evidence: e.check.summary, remediation: e.check.remediation } : {}),
        ...e.facts,
      },
    },
    ...(e.link ? { links: [{ href: e.link, text: 'Open in Posture' }] } : {}),
    client: 'Posture',
    ...(e.link ? { client_url: e.link } : {}),
  };
}
