import { readFileSync } from 'node:fs';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { SmtpSettings } from './smtp-settings';

/** A nodemailer SMTP transport with every network wait bounded; one connection per message, nothing pooled across runs. */
export function createMailTransport(s: SmtpSettings): Transporter<SMTPTransport.SentMessageInfo> {
  return nodemailer.createTransport({
    host: s.host,
    port: s.port,
    secure: s.secure,
    requireTLS: s.requireTls,
    auth: s.user ? { user: s.user, pass: s.password } : undefined,
    tls: { minVersion: 'TLSv1.2', ...(s.caFile ? { ca: readFileSync(s.caFile, 'utf8') } : {}) },
    connectionTimeout: s.timeouts.connectMs,
    greetingTimeout: s.timeouts.greetingMs,
    socketTimeout: s.timeouts.socketMs,
    // Bodies are our own text; never let a message reference a local file or a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
    debug: false,
  });
}
