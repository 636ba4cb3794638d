import type { Severity } from '../checks/check-definition';
import type { AlertIntent } from './alert-intent';
import { escapeHtml, sanitizeHeader } from './alert-text';

export { escapeHtml, sanitizeHeader };

export interface AlertEmailTarget {
  id: string;
  name: string;
  engine?: string | null;
  host?: string | null;
  port?: number | null;
  environment?: string | null;
  ownerTeam?: string | null;
  ownerEmail?: string | null;
}

export interface AlertEmailInput {
  intent: AlertIntent;
  target: AlertEmailTarget;
  /** the check behind the alert, from the catalog: its title and remediation steps */
  check?: { id: string; title: string; remediation: string; severity?: Severity } | null;
  /** POSTURE_PUBLIC_URL */
  publicUrl: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const gradeDropSteps = 'Open the database page: every failing check lists its evidence and the exact steps to fix it. Fix the critical and high ones first; a failing critical check caps the grade at D.';
const severityColour: Record<Severity, string> = { critical: '#c2262e', high: '#c2570c', medium: '#b45f06', low: '#3451d1', info: '#5d6572' };

/** The database page's address; the id is a UUID, encoded anyway. */
export function databaseUrl(publicUrl: string, targetId: string): string {
  return `${publicUrl.replace(/(?<!\/)\/+$/, '')}/databases/${encodeURIComponent(targetId)}`;
}

function describeTarget(t: AlertEmailTarget): string {
  const where = t.host ? `${t.host}${t.port ? `:${t.port}` : ''}` : null;
  const parts = [t.engine, where, t.environment].filter((p): p is string => typeof p === 'string' && p !== '');
  return parts.length ? `${t.name} (${parts.join(', ')})` : t.name;
}

/** Plain text and HTML for one alert. Pure; every interpolated value is escaped in the HTML, and nothing is fetched remotely. */
export function renderAlertEmail({ intent, target, check, publicUrl }: AlertEmailInput): RenderedEmail {
  const link = databaseUrl(publicUrl, target.id);
  const facts = Object.entries(intent.facts).filter((e): e is [string, string | number] => e[1] !== null && e[1] !== '');
  const steps = check?.remediation ?? (intent.kind === 'grade.drop' ? gradeDropSteps : 'Open the database page for the evidence and the steps to fix it.');
  const owner = [target.ownerTeam, target.ownerEmail].filter(Boolean).join(', ');
  // The check's own severity, as the database page shows it; the alert's urgency is in the subject.
  const severity: Severity = check?.severity ?? intent.severity;
  const checkLine = check ? `${check.id}: ${check.title} (${severity})` : null;

  const text = [
    `${target.name}: ${intent.headline}`,
    '',
    `Database: ${describeTarget(target)}`,
    ...(owner ? [`Owner: ${owner}`] : []),
    ...(checkLine ? [`Check: ${checkLine}`] : []),
    '',
    'What Posture observed:',
    ...facts.map(([k, v]) => `  ${k}: ${v}`),
    '',
    'What to do:',
    ...steps.split('\n').map((l) => (l === '' ? '' : `  ${l}`)),
    '',
    `Open the database: ${link}`,
    '',
    '-- ',
    'Posture sends this to the database owner and the security list. Rules and recipients: Alerts in Posture.',
  ].join('\n');

  const cell = 'padding:4px 12px 4px 0;vertical-align:top;font-size:14px;';
  const rows = facts
    .map(([k, v]) => `<tr><td style="${cell}color:#5d6572;white-space:nowrap;">${escapeHtml(k)}</td><td style="${cell}color:#17191e;word-break:break-all;">${escapeHtml(v)}</td></tr>`)
    .join('');
  const html = `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(intent.subject)}</title></head>
<body style="margin:0;padding:24px;background:#f6f7f9;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#17191e;">
<div style="max-width:640px;margin:0 auto;background:#ffffff;border:1px solid #e2e5ea;border-radius:6px;padding:24px;">
<p style="margin:0 0 4px;font-size:12px;font-weight:600;text-transform:uppercase;letter-spacing:.04em;color:${severityColour[severity]};">${escapeHtml(severity)}</p>
<h1 style="margin:0 0 16px;font-size:20px;line-height:1.3;">${escapeHtml(target.name)}: ${escapeHtml(intent.headline)}</h1>
<p style="margin:0 0 4px;font-size:14px;"><strong>Database:</strong> ${escapeHtml(describeTarget(target))}</p>
${owner ? `<p style="margin:0 0 4px;font-size:14px;"><strong>Owner:</strong> ${escapeHtml(owner)}</p>` : ''}
${checkLine ? `<p style="margin:0 0 4px;font-size:14px;"><strong>Check:</strong> ${escapeHtml(checkLine)}</p>` : ''}
<h2 style="margin:20px 0 8px;font-size:16px;">What Posture observed</h2>
<table role="presentation" style="border-collapse:collapse;">${rows}</table>
<h2 style="margin:20px 0 8px;font-size:16px;">What to do</h2>
<pre style="margin:0;padding:12px;background:#f1f3f6;border-radius:4px;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px;line-height:1.45;white-space:pre-wrap;word-break:break-word;">${escapeHtml(steps)}</pre>
<p style="margin:24px 0 0;"><a href="${escapeHtml(link)}" style="display:inline-block;padding:8px 14px;background:#3451d1;color:#ffffff;text-decoration:none;border-radius:4px;font-size:14px;font-weight:600;">Open ${escapeHtml(target.name)} in Posture</a></p>
<p style="margin:8px 0 0;font-size:12px;color:#5d6572;word-break:break-all;">${escapeHtml(link)}</p>
</div>
<p style="max-width:640px;margin:12px auto 0;font-size:12px;color:#5d6572;">Posture sends this to the database owner and the security list. Rules and recipients: Alerts in Posture.</p>
</body></html>`;
  return { subject: sanitizeHeader(intent.subject, 250), text, html };
}
