import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One received message as stored: the SMTP envelope, the parsed headers and bodies, and the raw source. */
export interface CaughtMessage {
  receivedAt: string;
  envelope: { from: string | null; to: string[] };
  messageId: string | null;
  subject: string | null;
  from: string | null;
  to: string | null;
  /** every header line as received, lower-cased key first */
  headers: { key: string; line: string }[];
  text: string | null;
  html: string | null;
  raw: string;
}

let seq = 0;

/**
 * A real SMTP server for the demo and the tests: no auth, no TLS, loopback only. Every message is parsed and stored
 * as one JSON file (written to a temporary name, then renamed, so a reader never sees half of one).
 */
export async function startSmtpCatcher(opts: { port: number; dir: string; host?: string }): Promise<{ port: number; stop: () => Promise<void> }> {
  mkdirSync(opts.dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    banner: 'Posture SMTP catcher',
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', callback);
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            const message: CaughtMessage = {
              receivedAt: new Date().toISOString(),
              envelope: { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null, to: session.envelope.rcptTo.map((r) => r.address) },
              messageId: parsed.messageId ?? null,
              subject: parsed.subject ?? null,
              from: parsed.from?.text ?? null,
              to: parsed.to ? (Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(', ') : parsed.to.text) : null,
              headers: parsed.headerLines.map((h) => ({ key: h.key, line: h.line })),
              text: parsed.text ?? null,
              html: typeof parsed.html === 'string' ? parsed.html : null,
              raw: raw.toString('utf8'),
            };
            const name = `${Date.now()}-${process.pid}-${String(seq++).padStart(6, '0')}`;
            const tmp = path.join(opts.dir, `.${name}.tmp`);
            writeFileSync(tmp, JSON.stringify(message, null, 2));
            renameSync(tmp, path.join(opts.dir, `${name}.json`));
            callback();
          })
          .catch((e: unknown) => callback(e instanceof Error ? e : new Error(String(e))));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => resolve());
  });
  server.on('error', (e) => console.error(`[smtp-catcher] ${e.message}`));
  const port = (server.server.address() as AddressInfo).port;
  return { port, stop: () => new Promise<void>((r) => server.close(() => r())) };
}
