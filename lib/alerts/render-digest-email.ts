import { escapeHtml, sanitizeHeader } from './render-alert-email';

export interface DigestItem {
  subject: string;
  text: string;
  severity: string | null;
  createdAt: Date;
}

const rank: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };
const byUrgency = (a: DigestItem, b: DigestItem) => (rank[a.severity ?? ''] ?? 5) - (rank[b.severity ?? ''] ?? 5) || a.createdAt.getTime() - b.createdAt.getTime();

/** One email for a recipient's day: every alert's subject and full text (evidence, remediation, link), most urgent first. */
export function renderDigestEmail(input: { day: string; items: DigestItem[]; publicUrl: string }): { subject: string; text: string; html: string } {
  const items = [...input.items].sort(byUrgency);
  const n = items.length;
  const subject = sanitizeHeader(`[Posture] Daily digest for ${input.day}: ${n} alert${n === 1 ? '' : 's'}`);
  const alertsUrl = `${input.publicUrl.replace(/(?<!\/)\/+$/, '')}/alerts`;
  const text = [
    `Posture: ${n} alert${n === 1 ? '' : 's'} for ${input.day}, grouped into this daily digest.`,
    '',
    ...items.flatMap((it, i) => [`${i + 1}. ${sanitizeHeader(it.subject)}${it.severity ? ` (${it.severity})` : ''}`, '', it.text.trim(), '', '-'.repeat(60), '']),
    `All alert emails: ${alertsUrl}`,
    'You receive a digest because your alerts are set to daily digest mode in Posture.',
  ].join('\n');
  const cell = 'font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;font-size:14px;color:#1a1d23;line-height:1.5';
  const html = `<!doctype html><html><body style="margin:0;padding:24px;background:#f5f6f8">
<div style="max-width:720px;margin:0 auto;background:#ffffff;border:1px solid #dfe2e8;border-radius:8px;padding:24px;${cell}">
<h1 style="font-size:18px;margin:0 0 4px">Posture daily digest</h1>
<p style="margin:0 0 16px;color:#5b6270">${n} alert${n === 1 ? '' : 's'} for ${escapeHtml(input.day)}, most urgent first.</p>
${items
  .map(
    (it) => `<div style="border-top:1px solid #dfe2e8;padding:12px 0">
<h2 style="font-size:15px;margin:0 0 6px">${escapeHtml(sanitizeHeader(it.subject))}${it.severity ? ` <span style="font-size:12px;color:#5b6270">(${escapeHtml(it.severity)})</span>` : ''}</h2>
<pre style="white-space:pre-wrap;word-break:break-word;margin:0;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px">${escapeHtml(it.text.trim())}</pre>
</div>`,
  )
  .join('\n')}
<p style="margin:16px 0 0"><a href="${escapeHtml(alertsUrl)}" style="color:#1f5fd6">All alert emails in Posture</a></p>
<p style="margin:8px 0 0;font-size:12px;color:#5b6270">You receive a digest because your alerts are set to daily digest mode in Posture.</p>
</div></body></html>`;
  return { subject, text, html };
}
