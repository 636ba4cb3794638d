import { z } from 'zod';
import { absolutePathSchema, programSchema } from './file-path';
import { parsePemCertificates } from '../crypto/parse-pem-certificates';
import { isLabelSelector } from './is-label-selector';
import { grades } from '../grading/grade-bands';

export const engines = ['postgresql', 'redis', 'rabbitmq', 'patroni', 'etcd', 'pgbackrest'] as const;
export const criticalities = ['low', 'medium', 'high', 'critical'] as const;

const defaultPorts: Record<(typeof engines)[number], number> = {
  postgresql: 5432,
  redis: 6379,
  rabbitmq: 5671,
  patroni: 8008,
  etcd: 2379,
  pgbackrest: 8432,
};
export const defaultPortFor = (engine: (typeof engines)[number]) => defaultPorts[engine];

const oneOf = (values: readonly string[]) => ({ error: `must be one of ${values.join(', ')}` });
/** A whole number in [min, max], typed or sent as text (a form field); one message for every way it can be wrong. */
const wholeNumber = (min: number, max: number, unit = '') => {
  const message = `must be a whole number${unit} from ${min} to ${max}`;
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);
};

const dnsLabel = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;
const isHostname = (h: string) => h.length <= 253 && h.split('.').every((l) => dnsLabel.test(l));
const isIp = (h: string) => z.ipv4().safeParse(h).success || z.ipv6().safeParse(h).success;

export const hostSchema = z
  .string()
  .trim()
  .min(1, 'is required')
  .refine((h) => isHostname(h) || isIp(h), 'must be a hostname or an IP address');

const k8sName = z
  .string()
  .trim()
  .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'must be a Kubernetes name (lower-case, digits, - and .)')
  .max(253);

const labelSelector = z
  .string()
  .trim()
  .refine(isLabelSelector, 'must be a label selector like app=auth-db');

// A key of a Secret's data, as the API server allows it; unbounded text would reach the database as is.
const secretDataKey = z.string().trim().regex(/^[-._a-zA-Z0-9]{1,253}$/, 'must be a Secret key (letters, digits, - . _; at most 253)');

export const secretKeyRefSchema = z.object({ name: k8sName, key: secretDataKey }).strict();

export const kubernetesRefsSchema = z
  .object({
    context: z.string().trim().min(1).max(253).optional(),
    namespace: k8sName,
    podSelector: labelSelector.optional(),
    pvcNames: z.array(k8sName).max(50).optional(),
    passwordSecret: secretKeyRefSchema.optional(),
    tlsSecret: z.object({ name: k8sName }).strict().optional(),
  })
  .strict();

const backupSources = ['pgbackrest', 'dump-dir', 'cronjob'] as const;

export const backupSourceSchema = z.discriminatedUnion('source', [
  z
    .object({
      source: z.literal('pgbackrest'),
      stanza: z.string().trim().regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be a pgBackRest stanza name'),
      configPath: absolutePathSchema.optional(),
      /** an allowed backup command (Settings → Security): a name on PATH or an absolute path; pgbackrest when left out */
      command: programSchema.optional(),
    })
    .strict(),
  z.object({ source: z.literal('dump-dir'), dir: absolutePathSchema }).strict(),
  z
    .object({ source: z.literal('cronjob'), namespace: k8sName.optional(), name: k8sName })
    .strict(),
], {
  // The union's own issue is the unknown source; an object of another type falls to the parse's messages.
  error: (iss) => (iss.code === 'invalid_union' ? oneOf(backupSources).error : undefined),
});

const tag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9:_.-]{0,39}$/, 'must be lower-case letters, digits and : _ . - (at most 40)');

export const targetNameSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/i, 'must start with a letter or digit and use only letters, digits, . _ - (max 63)');

// An empty string clears the field (null); leaving the key out leaves it as it is.
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const targetFieldsSchema = z.object({
  name: targetNameSchema,
  engine: z.enum(engines, oneOf(engines)),
  host: hostSchema,
  port: wholeNumber(1, 65535),
  database: optionalText(63),
  environment: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'must be a short lower-case word like production or staging'),
  ownerTeam: optionalText(80),
  ownerEmail: z
    .union([z.literal(''), z.email('must be an email address')])
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
  service: optionalText(120),
  tags: z.array(tag).max(20, 'must list at most 20 tags'),
  criticality: z.enum(criticalities, oneOf(criticalities)),
  kubernetes: kubernetesRefsSchema.nullable().optional(),
  backup: backupSourceSchema.nullable().optional(),
  /** PEM bundle the served chain must anchor in (cert.trusted); the system roots when empty */
  caPem: z
    .string()
    .max(65_536, 'is too large (64 KiB at most)')
    .transform((v) => (v.trim() === '' ? null : v.trim() + '\n'))
    .superRefine((v, ctx) => {
      const parsed = v === null ? null : parsePemCertificates(v);
      if (parsed && !parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error });
    })
    .nullable()
    .optional(),
  /** the name the served certificate must be issued for (SNI and host name check), when it is not the host itself */
  tlsServerName: z
    .string()
    .trim()
    .transform((v) => (v === '' ? null : v.toLowerCase()))
    .refine((v) => v === null || isHostname(v) || isIp(v), 'must be a hostname or an IP address')
    .nullable()
    .optional(),
  /** admins only: lets the probe log in over plaintext with SCRAM when the server offers no TLS */
  allowPlaintextLogin: z.boolean().optional(),
  passwordMaxAgeDays: wholeNumber(1, 3650, ' of days').nullable().optional(),
  backupMaxAgeHours: wholeNumber(1, 8760, ' of hours').nullable().optional(),
});

/** A password typed into the UI or API; it is encrypted on arrival and never shown again. */
export const credentialInputSchema = z
  .object({
    username: z.string().trim().min(1, 'is required').max(63),
    password: z.string().min(1, 'is required').max(1024).optional(),
    passwordFromEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'must be an environment variable name').optional(),
    passwordFromSecret: z
      .object({ namespace: k8sName.optional(), name: k8sName, key: secretDataKey })
      .strict()
      .optional(),
  })
  .strict()
  .refine((c) => [c.password, c.passwordFromEnv, c.passwordFromSecret].filter((v) => v !== undefined).length <= 1, {
    message: 'give at most one of password, passwordFromEnv, passwordFromSecret',
    path: ['password'],
  });

// Defaults apply on create only; an update must never reset a field it did not name.
export const createTargetSchema = targetFieldsSchema
  .extend({
    environment: targetFieldsSchema.shape.environment.default('production'),
    tags: targetFieldsSchema.shape.tags.default([]),
    criticality: targetFieldsSchema.shape.criticality.default('medium'),
    credential: credentialInputSchema.optional(),
  })
  .strict();
/** A change of engine, host, port, TLS server name or CA bundle drops the stored credential unless `credential` comes along. */
export const updateTargetSchema = targetFieldsSchema.partial().extend({ credential: credentialInputSchema.optional() }).strict();

export const targetSortFields = ['name', 'engine', 'environment', 'ownerTeam', 'criticality', 'grade', 'lastScanAt', 'updatedAt'] as const;

/** The filters the inventory page and GET /api/v1/databases share; they combine with AND. */
export const targetFiltersSchema = z.object({
  q: z.string().trim().max(100).optional().meta({ description: 'name, host, service or owner team contains this (any case)' }),
  engine: z.enum(engines).optional(),
  environment: z.string().trim().max(32).optional(),
  team: z.string().trim().max(80).optional(),
  tag: z.string().trim().max(40).optional(),
  gradeBelow: z.enum(grades).optional().meta({ description: 'only databases graded worse than this grade (ungraded ones are left out)' }),
  archived: z.enum(['true', 'false', 'all']).default('false'),
});

export const listTargetsQuerySchema = targetFiltersSchema.extend({
  sort: z.enum(targetSortFields).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

export type CreateTargetInput = z.input<typeof createTargetSchema>;
export type UpdateTargetInput = z.input<typeof updateTargetSchema>;
export type CredentialInput = z.input<typeof credentialInputSchema>;
export type ListTargetsQuery = z.input<typeof listTargetsQuerySchema>;
export type TargetFilters = z.output<typeof targetFiltersSchema>;
export type KubernetesRefs = z.infer<typeof kubernetesRefsSchema>;
export type BackupSource = z.infer<typeof backupSourceSchema>;
