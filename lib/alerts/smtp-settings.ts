import { z } from 'zod';
import { smtpVariables } from '../env';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1']);

/** A bare address or `Display Name <address>` (posture@localhost allowed); no CR/LF, quotes or angle brackets in the name. */
const fromAddress = z
  .string()
  .trim()
  .refine((v) => {
    const m = /^(?:([^<>"\r\n]{1,64}?)\s*<([^<>\s]+)>|([^<>\s]+))$/.exec(v);
    const addr = m?.[2] ?? m?.[3];
    return Boolean(addr && z.email({ pattern: z.regexes.html5Email }).safeParse(addr).success);
  }, 'must be an email address, optionally as "Name <address>"');

const flag = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');
const seconds = (fallback: number) => z.coerce.number().min(0.1).max(600).default(fallback);

const smtpSchema = z.object({
  POSTURE_SMTP_HOST: z.string().trim().min(1).max(253).regex(/^[A-Za-z0-9.:[\]-]+$/, 'must be a host name or IP address'),
  POSTURE_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  POSTURE_SMTP_SECURE: flag.optional(),
  POSTURE_SMTP_REQUIRE_TLS: flag.optional(),
  POSTURE_SMTP_USER: z.string().min(1).max(320).optional(),
  POSTURE_SMTP_PASSWORD: z.string().min(1).max(1024).optional(),
  POSTURE_SMTP_FROM: fromAddress,
  POSTURE_SMTP_CA_FILE: z.string().min(1).optional(),
  POSTURE_SMTP_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  POSTURE_SMTP_CONNECT_TIMEOUT_SECONDS: seconds(10),
  POSTURE_SMTP_GREETING_TIMEOUT_SECONDS: seconds(10),
  POSTURE_SMTP_SOCKET_TIMEOUT_SECONDS: seconds(20),
});

export interface SmtpSettings {
  host: string;
  port: number;
  /** implicit TLS from the first byte (port 465 style) */
  secure: boolean;
  /** refuse to send unless STARTTLS succeeds */
  requireTls: boolean;
  user?: string;
  password?: string;
  from: string;
  caFile?: string;
  maxAttempts: number;
  timeouts: { connectMs: number; greetingMs: number; socketMs: number };
}

export type SmtpSettingsResult =
  | { status: 'configured'; settings: SmtpSettings }
  | { status: 'not-configured' }
  /** problems name the variable and what is wrong with it, never its value */
  | { status: 'invalid'; problems: string[] };

/** The SMTP block of the environment, read on every call (cheap) so a changed env needs no restart of tests. */
export function smtpSettings(source: Record<string, string | undefined> = smtpVariables()): SmtpSettingsResult {
  const present = Object.fromEntries(Object.entries(source).filter(([k, v]) => k.startsWith('POSTURE_SMTP_') && v !== undefined && v !== ''));
  if (!present.POSTURE_SMTP_HOST) return { status: 'not-configured' };
  const parsed = smtpSchema.safeParse(present);
  if (!parsed.success) return { status: 'invalid', problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  const e = parsed.data;
  const secure = e.POSTURE_SMTP_SECURE ?? e.POSTURE_SMTP_PORT === 465;
  const requireTls = secure ? false : (e.POSTURE_SMTP_REQUIRE_TLS ?? !LOOPBACK.has(e.POSTURE_SMTP_HOST.toLowerCase()));
  if (e.POSTURE_SMTP_PASSWORD && !e.POSTURE_SMTP_USER) return { status: 'invalid', problems: ['POSTURE_SMTP_USER: required when POSTURE_SMTP_PASSWORD is set'] };
  // Like the probes: a password never crosses the network without TLS, except to a server on this machine.
  if (e.POSTURE_SMTP_PASSWORD && !secure && !requireTls && !LOOPBACK.has(e.POSTURE_SMTP_HOST.toLowerCase())) {
    return { status: 'invalid', problems: ['POSTURE_SMTP_REQUIRE_TLS: must not be false when a password is set (it would be sent in plaintext)'] };
  }
  return {
    status: 'configured',
    settings: {
      host: e.POSTURE_SMTP_HOST,
      port: e.POSTURE_SMTP_PORT,
      secure,
      requireTls,
      user: e.POSTURE_SMTP_USER,
      password: e.POSTURE_SMTP_PASSWORD,
      from: e.POSTURE_SMTP_FROM,
      caFile: e.POSTURE_SMTP_CA_FILE,
      maxAttempts: e.POSTURE_SMTP_MAX_ATTEMPTS,
      timeouts: {
        connectMs: e.POSTURE_SMTP_CONNECT_TIMEOUT_SECONDS * 1000,
        greetingMs: e.POSTURE_SMTP_GREETING_TIMEOUT_SECONDS * 1000,
        socketMs: e.POSTURE_SMTP_SOCKET_TIMEOUT_SECONDS * 1000,
      },
    },
  };
}
