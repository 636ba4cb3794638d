import { execFile } from 'node:child_process';
import { z } from 'zod';
import type { BackupObservation } from './observations/backup';
import type { ProbeOutcome } from './observations/probe-outcome';

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

/**
 * The whole environment the command gets: nothing of Posture's own (master key, store URL, tokens) reaches it.
 * Typed loosely because Next's types demand NODE_ENV in every env object.
 */
const minimalEnv: Record<string, string> = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', LC_ALL: 'C' };
/** `ERROR: [037]: backup command requires option: repo1-cipher-pass`: pgBackRest's own error line, and only that. */
const pgBackRestErrorLine = /^(?:ERROR|WARN): \[\d{3}\]: [\x20-\x7e]{1,200}$/;

/** One line fit for evidence: pgBackRest's error line when stderr has one, never anything else a program printed. */
export function sanitisedPgBackRestError(stderr: string): string | null {
  const lines = stderr.slice(0, 64 * 1024).split('\n').map((l) => l.trim());
  return lines.find((l) => pgBackRestErrorLine.test(l)) ?? null;
}

function run(cmd: string, args: string[], timeoutMs: number, signal?: AbortSignal): Promise<Run> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: timeoutMs, signal, maxBuffer: 32 * 1024 * 1024, env: minimalEnv as NodeJS.ProcessEnv }, (e, stdout, stderr) => {
      if (!e) return resolve({ ok: true, stdout });
      if (e.code === 'ENOENT') {
        return resolve({ ok: false, message: `pgBackRest command not found: ${cmd} (install the Debian package pgbackrest, or set the backup source's command)` });
      }
      if (e.name === 'AbortError') return resolve({ ok: false, message: 'cancelled' });
      if (e.killed) return resolve({ ok: false, message: `pgbackrest info did not finish within ${timeoutMs} ms` });
      const line = sanitisedPgBackRestError(String(stderr));
      resolve({ ok: false, message: `pgbackrest info failed (exit ${e.code})${line ? `: ${line}` : ''}` });
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
    // The output is not echoed: a command that is not pgBackRest could print anything it can read.
    return { status: 'error', message: `unexpected pgbackrest info output (${e instanceof SyntaxError ? 'not JSON' : 'not the documented shape'})` };
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
