import 'server-only';
import { z } from 'zod';
import { parseTrustedProxy } from './network/parse-trusted-proxy';

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

function invalidEnvironment(issues: z.core.$ZodIssue[]): Error {
  const lines = issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  return new Error(`Invalid environment:\n${lines.join('\n')}`);
}

let cached: Env | undefined;

/** Validates the environment once; a bad value stops with the variable's name, never its value. */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) throw invalidEnvironment(parsed.error.issues);
  cached = parsed.data;
  return cached;
}

/** A variable set to nothing but blanks counts as unset. */
const unsetIfBlank = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema);
const text = unsetIfBlank(z.string().trim().optional());
const wholeNumber = (min: number, max: number, fallback: number) => unsetIfBlank(z.coerce.number().int('must be a whole number').min(min).max(max).default(fallback));
const positiveSeconds = unsetIfBlank(z.coerce.number().positive('must be a number of seconds above 0').max(3600).optional());
const cron = (fallback: string) => unsetIfBlank(z.string().trim().max(100).default(fallback));

/**
 * Variables read where they are used, each on its own and at each use: a bad one fails only its feature, with its
 * name, and a test or the CLI may change one between calls. Processes that lack the core set (env()) can read these.
 */
export const variableSchemas = {
  /** the store; optional here (a build has none), required by env() */
  DATABASE_URL: unsetIfBlank(envSchema.shape.DATABASE_URL.optional()),
  /** connections in each process's store pool */
  POSTURE_DB_POOL_MAX: wholeNumber(1, 1000, 10),
  /** minutes between scheduled scans of each target; must divide an hour or a day */
  POSTURE_SCAN_INTERVAL_MINUTES: wholeNumber(1, 1440, 15),
  /** scans one worker runs at once */
  POSTURE_SCAN_CONCURRENCY: wholeNumber(1, 256, 8),
  /** how often a running scan tells pg-boss it is alive; a silent one is retried elsewhere */
  POSTURE_SCAN_HEARTBEAT_SECONDS: wholeNumber(1, 3600, 30),
  POSTURE_OUTBOX_DELIVERY_CRON: cron('* * * * *'),
  /** UTC, like every schedule */
  POSTURE_DIGEST_CRON: cron('0 7 * * *'),
  /** the probes' TCP/TLS connect and whole-probe timeouts; the scan spec's defaults when unset */
  POSTURE_CONNECT_TIMEOUT_SECONDS: positiveSeconds,
  POSTURE_PROBE_TIMEOUT_SECONDS: positiveSeconds,
  /** Mozilla's server-side TLS profile tls.mozilla_profile holds the fleet to; a target's `tls-profile:` tag overrides it */
  POSTURE_TLS_PROFILE: unsetIfBlank(z.enum(['intermediate', 'modern'], { message: 'must be intermediate or modern' }).default('intermediate')),
  /** a kubeconfig file for discovery and the Kubernetes checks */
  POSTURE_KUBECONFIG: text,
  /** set by Kubernetes inside a pod: the service account's access is used then */
  KUBERNETES_SERVICE_HOST: text,
  /** the worker's client certificate for listeners that require one (PEM files) */
  POSTURE_CLIENT_CERT_FILE: text,
  POSTURE_CLIENT_KEY_FILE: text,
  /** next-auth's own idea of the public URL; POSTURE_PUBLIC_URL when unset */
  NEXTAUTH_URL: text,
  /** read leniently here (links fall back to localhost); env() refuses a malformed one */
  POSTURE_PUBLIC_URL: text,
  NODE_ENV: text,
} as const;

type Variables = typeof variableSchemas;

/** One variable of variableSchemas, validated now; a bad value throws with the variable's name, never its value. */
export function variable<K extends keyof Variables>(name: K): z.output<Variables[K]> {
  const parsed = variableSchemas[name].safeParse(process.env[name]);
  if (!parsed.success) throw invalidEnvironment(parsed.error.issues.map((i) => ({ ...i, path: [name, ...i.path] })));
  return parsed.data as z.output<Variables[K]>;
}

/** The POSTURE_SMTP_* variables as set; smtpSettings validates them and reports problems instead of stopping. */
export function smtpVariables(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[0].startsWith('POSTURE_SMTP_') && e[1] !== undefined && e[1] !== ''));
}

/** This process's environment plus some overrides, for a child process (the embedded store's postgres). */
export function childEnvironment(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}

/**
 * The value of a variable a target's credential names (passwordFromEnv): the one read of a variable chosen at run
 * time. Callers must have checked the name against the custody policy first.
 */
export function targetVariable(name: string): string | undefined {
  return process.env[name];
}
