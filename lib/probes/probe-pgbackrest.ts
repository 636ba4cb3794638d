import { execFile } from 'node:child_process';
import { z } from 'zod';
import type { BackupObservation, ProbeOutcome } from './observations';

export interface PgBackRestProbeInput {
  stanza: string;
  /** pgbackrest.conf; default: pgBackRest's own (/etc/pgbackrest/pgbackrest.conf) */
  configPath?: string;
  /** the pgbackrest executable; default: `pgbackrest` on PATH */
  command?: string;
  policyHours?: number;
  signal?: AbortSignal;
  timeoutMs?: number;
  now?: Date;
}

// The parts of `pgbackrest info --output=json` (2.45) that are read; all else is ignored.
const infoSchema = z.array(
  z.object({
    name: z.string(),
    cipher: z.string().optional(),
    status: z.object({ code: z.number(), message: z.string() }),
    repo: z.array(z.object({ key: z.number(), cipher: z.string() })).optional(),
    backup: z.array(
      z.object({
        label: z.string(),
        type: z.string(),
        error: z.boolean().optional(),
        timestamp: z.object({ start: z.number(), stop: z.number() }),
        database: z.object({ 'repo-key': z.number().optional() }).optional(),
      }),
    ),
  }),
);

type Run = { ok: true; stdout: string } | { ok: false; message: string };

function run(cmd: string, args: string[], timeoutMs: number, signal?: AbortSignal): Promise<Run> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: timeoutMs, signal, maxBuffer: 32 * 1024 * 1024, env: { ...process.env, LC_ALL: 'C' } }, (e, stdout, stderr) => {
      if (!e) return resolve({ ok: true, stdout });
      if (e.code === 'ENOENT') {
        return resolve({ ok: false, message: `pgBackRest command not found: ${cmd} (install the Debian package pgbackrest, or set the backup source's command)` });
      }
      if (e.name === 'AbortError') return resolve({ ok: false, message: 'cancelled' });
      if (e.killed) return resolve({ ok: false, message: `pgbackrest info did not finish within ${timeoutMs} ms` });
      const why = String(stderr).trim().split('\n').filter(Boolean).slice(-2).join(' ') || e.message;
      resolve({ ok: false, message: `pgbackrest info failed (exit ${e.code}): ${why}` });
    });
  });
}

const cipherEncrypted = (cipher: string | undefined): boolean | null =>
  cipher === undefined || cipher === 'mixed' ? null : cipher !== 'none';

/**
 * Reads a stanza's backups with `pgbackrest info`: the newest backup without errors, and whether its repository is
 * encrypted. A stanza without backups (or never created) is an observation with no backup, not a probe error.
 */
export async function probePgBackRest(input: PgBackRestProbeInput): Promise<ProbeOutcome<BackupObservation>> {
  const cmd = input.command ?? 'pgbackrest';
  const timeoutMs = input.timeoutMs ?? 20_000;
  const args = [`--stanza=${input.stanza}`, ...(input.configPath ? [`--config=${input.configPath}`] : []), '--output=json', 'info'];
  const result = await run(cmd, args, timeoutMs, input.signal);
  if (!result.ok) return { status: 'error', message: result.message };

  let stanzas: z.infer<typeof infoSchema>;
  try {
    stanzas = infoSchema.parse(JSON.parse(result.stdout));
  } catch (e) {
    return { status: 'error', message: `unexpected pgbackrest info output: ${e instanceof Error ? e.message.slice(0, 200) : String(e)}` };
  }
  const stanza = stanzas.find((s) => s.name === input.stanza);
  if (!stanza) return { status: 'error', message: `pgbackrest info did not report stanza ${input.stanza}` };

  const good = stanza.backup.filter((b) => b.error !== true);
  const newest = good.reduce<(typeof good)[number] | null>((a, b) => (a === null || b.timestamp.stop > a.timestamp.stop ? b : a), null);
  const repoKey = newest?.database?.['repo-key'];
  const repoCipher = stanza.repo?.find((r) => r.key === repoKey)?.cipher;
  const newestAt = newest ? new Date(newest.timestamp.stop * 1000) : null;
  const now = input.now ?? new Date();
  return {
    status: 'ok',
    data: {
      source: 'pgbackrest',
      newestSuccessAt: newestAt?.toISOString() ?? null,
      ageHours: newestAt ? Math.round(((now.getTime() - newestAt.getTime()) / 3_600_000) * 100) / 100 : null,
      policyHours: input.policyHours ?? 26,
      encrypted: cipherEncrypted(repoCipher ?? stanza.cipher),
      detail: {
        stanza: stanza.name,
        statusCode: stanza.status.code,
        status: stanza.status.message,
        cipher: repoCipher ?? stanza.cipher ?? null,
        backups: stanza.backup.length,
        failedBackups: stanza.backup.length - good.length,
        newestLabel: newest?.label ?? null,
        newestType: newest?.type ?? null,
        repoKey: repoKey ?? null,
      },
    },
  };
}
