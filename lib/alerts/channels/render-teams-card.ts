import type { WebhookEvent } from '../../validations/api/channel-event-schema';

const cap = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const colour = { critical: 'Attention', high: 'Warning', medium: 'Warning', low: 'Accent' } as const;

/** The message a Teams Workflows webhook expects: one Adaptive Card attachment with the same content as Slack's. */
export function renderTeamsCard(e: WebhookEvent): Record<string, unknown> {
  const resolved = e.event === 'check.resolved';
  const heading = `${resolved ? 'Resolved' : e.event === 'test' ? 'Test' : e.severity.toUpperCase()}: ${e.summary}`;
  const facts = [
    ...(e.database ? [{ title: 'Database', value: `${e.database.name}${e.database.environment ? ` (${e.database.environment})` : ''}` }] : []),
    ...(e.check ? [{ title: 'Check', value: `${e.check.id}: ${e.check.title}` }] : []),
    { title: 'Severity', value: e.severity },
    { title: 'Event', value: e.event },
    ...Object.entries(e.facts).map(([title, v]) => ({ title, value: cap(String(v), 500) })),
  ];
  const body: Record<string, unknown>[] = [
    { type: 'TextBlock', text: cap(heading, 500), weight: 'Bolder', size: 'Medium', wrap: true, color: resolved ? 'Good' : colour[e.severity] },
    { type: 'FactSet', facts },
  ];
  if (e.check) body.push({ type: 'TextBlock', text: cap(`Evidence: ${e.check.summary}`, 2000), wrap: true });
  if (!resolved && e.check?.remediation) {
    body.push({ type: 'TextBlock', text: 'Remediation', weight: 'Bolder', wrap: true }, { type: 'TextBlock', text: cap(e.check.remediation, 4000), fontType: 'Monospace', wrap: true });
  }
  const card = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body,
    ...(e.link ? { actions: [{ type: 'Action.OpenUrl', title: 'Open in Posture', url: e.link }] } : {}),
  };
  return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }] };
}
