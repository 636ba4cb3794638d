const MAX = 500;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * An SMTP failure as a storable, showable line. Servers and nodemailer may echo the AUTH exchange, so AUTH
 * arguments, long base64 runs (AUTH PLAIN/LOGIN payloads) and the configured user and password (plain or
 * base64) are cut out.
 */
export function redactSmtpError(error: unknown, secrets: (string | undefined)[] = []): string {
  const e = error as { code?: unknown; message?: unknown; response?: unknown };
  const code = typeof e?.code === 'string' ? e.code : undefined;
  const message = typeof e?.message === 'string' ? e.message : typeof error === 'string' ? error : 'unknown error';
  let text = code && !message.includes(code) ? `${code}: ${message}` : message;
  for (const s of secrets) {
    if (!s) continue;
    for (const form of [s, Buffer.from(s).toString('base64')]) text = text.replace(new RegExp(escapeRegExp(form), 'g'), '[redacted]');
  }
  text = text
    .replace(/\bAUTH\s+(PLAIN|LOGIN|XOAUTH2|CRAM-MD5|OAUTHBEARER)\b[^\r\n]*/gi, 'AUTH $1 [redacted]')
    .replace(/\b(pass(word)?|pwd|secret|token)\s*[=:]\s*\S+/gi, '$1=[redacted]')
    .replace(/[A-Za-z0-9+/]{20,}={0,2}/g, '[redacted]')
    .replace(/[\r\n]+/g, ' ')
    .trim();
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}
