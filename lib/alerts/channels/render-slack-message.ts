import type { WebhookEvent } from '../../validations/api/channel-event-schema';

/** Slack mrkdwn treats &, < and > as control characters; everything else is shown as written. */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const cap = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const emoji = { critical: ':red_circle:', high: ':large_orange_circle:', medium: ':large_yellow_circle:', low: ':large_blue_circle:' } as const;

/** A Block Kit message: database, check, severity, evidence, remediation snippet and a link; a resolve says so first. */
export function renderSlackMessage(e: WebhookEvent): Record<string, unknown> {
  const resolved = e.event === 'check.resolved';
  const title = `${resolved ? ':white_check_mark: Resolved' : e.event === 'test' ? ':wave: Test' : `${emoji[e.severity]} ${e.severity.toUpperCase()}`}: ${e.summary}`;
  const fields = [
    ...(e.database ? [`*Database*\n${esc(e.database.name)}${e.database.environment ? ` (${esc(e.database.environment)})` : ''}`] : []),
    ...(e.check ? [`*Check*\n\`${esc(e.check.id)}\` ${esc(e.check.title)}`] : []),
    `*Severity*\n${e.severity}`,
    `*Event*\n${e.event}`,
  ].map((text) => ({ type: 'mrkdwn', text: cap(text, 2000) }));
  const facts = Object.entries(e.facts).map(([k, v]) => `• *${esc(k)}:* ${esc(String(v))}`);
  const evidence = e.check ? [`*Evidence:* ${esc(e.check.summary)}`, ...facts.filter((f) => !f.includes('*Observed:*'))] : facts;
  const blocks: Record<string, unknown>[] = [
    { type: 'header', text: { type: 'plain_text', text: cap(title.replace(/:[a-z_]+: /, ''), 150), emoji: true } },
    { type: 'section', text: { type: 'mrkdwn', text: cap(title, 3000) }, fields },
  ];
  if (evidence.length) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: cap(evidence.join('\n'), 3000) } });
  if (!resolved && e.check?.remediation) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: cap(`*Remediation*\n\`\`\`${e.check.remediation.replace(/```/g, "'''")}\`\`\``, 3000) } });
  if (e.link) blocks.push({ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open in Posture' }, url: e.link }] });
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: cap(`Posture · ${e.dedupeKey} · ${e.occurredAt}`, 3000) }] });
  return { text: cap(title, 3000), blocks };
}
