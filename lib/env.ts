import { z } from 'zod';
import { parseTrustedProxy } from './auth/parse-trusted-proxy';

const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded (openssl rand -base64 32)');

export const envSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL'),
  POSTURE_MASTER_KEY: base64Key,
  /** comma-separated earlier master keys, still accepted for decryption during a rotation */
  POSTURE_MASTER_KEY_PREVIOUS: z.string().optional(),
  NEXTAUTH_SECRET: z.string().min(32, 'must be at least 32 characters'),
  POSTURE_PUBLIC_URL: z.url().optional(),
  POSTURE_ADMIN_EMAIL: z.email().optional(),
  POSTURE_ADMIN_PASSWORD: z.string().optional(),
  /** requests per minute per API caller (token or signed-in user), shared by every replica through the store */
  POSTURE_API_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /** how long GET /api/v1/scores may reuse its answer (ms); 0 computes it on every call */
  POSTURE_SCORES_CACHE_MS: z.coerce.number().int().min(0).max(300_000).default(2_000),
  /** optional static bearer for Prometheus scrapers; an API token with scope read works too */
  POSTURE_METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
  POSTURE_AUDIT_RETENTION_DAYS: z.coerce.number().int().min(30).max(3650).default(400),
  /** sign-in attempts per account per window before 429; a successful sign-in resets the account's count */
  POSTURE_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(10),
  /** failed sign-ins per client address per window, across all accounts (password spraying) */
  POSTURE_LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).max(100_000).default(100),
  /** the fixed window both sign-in limits count in, in seconds */
  POSTURE_LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  /** reverse proxies (IPs or CIDRs, comma-separated) whose X-Forwarded-For is believed; empty trusts none */
  POSTURE_TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.string().refine((s) => parseTrustedProxy(s) !== null, 'must be an IP address or CIDR, e.g. 10.0.0.0/8 or 2001:db8::/32')).max(100))
    .transform((list) => list.map((s) => parseTrustedProxy(s)!)),
  /** when set, the worker answers GET /healthz/live and /healthz/ready on this port (for kubelet probes) */
  POSTURE_WORKER_HEALTH_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Validates the environment once; a bad value stops with the variable's name, never its value. */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  cached = parsed.data;
  return cached;
}

/**
 * The value of a variable a target's credential names (passwordFromEnv): the one read of a variable chosen at run
 * time. Callers must have checked the name against the custody policy first.
 */
export function targetVariable(name: string): string | undefined {
  return process.env[name];
}
