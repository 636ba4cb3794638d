import { readdir, stat } from 'node:fs/promises';
import type { BackupObservation } from './observations/backup';
import type { ProbeOutcome } from './observations/probe-outcome';

export interface DumpDirProbeInput {
  dir: string;
  /** keep only dumps of this database (matched against the <db> or <name> part) */
  database?: string | null;
  policyHours?: number;
  signal?: AbortSignal;
  timeoutMs?: number;
  now?: Date;
}

const timestamp = String.raw`(?<y>\d{4})-?(?<mo>\d{2})-?(?<d>\d{2})[T_]?(?<h>\d{2})[:-]?(?<mi>\d{2})[:-]?(?<s>\d{2})(?<frac>\.\d{1,9})?(?<zone>Z|[+-]\d{2}:?\d{2})?`;
const fileName = new RegExp(String.raw`^(?<prefix>.+)_${timestamp}\.sql\.gz(?<gpg>\.gpg)?$`);

/**
 * Dump files are `<db>_<name>_<timestamp>.sql.gz[.gpg]`, timestamp in any of: 20251104_030000, 20251104T030000[Z],
 * 20251104030000, 2025-11-04T03:00:00[.123][Z|+01:00], 2025-11-04T03-00-00, 2025-11-04_03-00-00. No zone means UTC.
 */
function parseName(name: string): { prefix: string; at: Date; encrypted: boolean } | null {
  const g = fileName.exec(name)?.groups;
  if (!g) return null;
  const zone = !g.zone || g.zone === 'Z' ? 'Z' : `${g.zone.slice(0, 3)}:${g.zone.slice(-2)}`;
  const at = new Date(`${g.y}-${g.mo}-${g.d}T${g.h}:${g.mi}:${g.s}${(g.frac ?? '').slice(0, 4)}${zone}`);
  // Date rolls 2025-02-31 over into March; such a name is not a real time
  const realDay = new Date(`${g.y}-${g.mo}-${g.d}T00:00:00Z`).getUTCDate() === Number(g.d);
  return Number.isNaN(at.getTime()) || !realDay ? null : { prefix: g.prefix!, at, encrypted: g.gpg !== undefined };
}

const forDatabase = (prefix: string, db: string) => prefix === db || prefix.startsWith(`${db}_`) || prefix.endsWith(`_${db}`);

function withDeadline<T>(work: Promise<T>, timeoutMs: number, signal?: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const fail = (message: string) => () => reject(new Error(message));
    const timer = setTimeout(fail(`reading the dump directory took longer than ${timeoutMs} ms`), timeoutMs);
    const onAbort = fail('cancelled');
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    });
  });
}

/** The newest dump file in a directory, by the timestamp in its name; `.gpg` means encrypted. Pure file-system reads. */
export async function probeDumpDir(input: DumpDirProbeInput): Promise<ProbeOutcome<BackupObservation>> {
  const { dir, database } = input;
  if (input.signal?.aborted) return { status: 'error', message: 'cancelled' };
  let names: string[];
  try {
    // A hung network mount must not hold the scan, hence the deadline around plain fs calls.
    names = await withDeadline(
      stat(dir).then((s) => {
        if (!s.isDirectory()) throw new Error(`${dir} is not a directory`);
        return readdir(dir);
      }),
      input.timeoutMs ?? 20_000,
      input.signal,
    );
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const message = err.code === 'ENOENT' ? `dump directory ${dir} does not exist` : err.code === 'EACCES' ? `dump directory ${dir} cannot be read (permission denied)` : err.message;
    return { status: 'error', message };
  }

  const dumps = names.flatMap((name) => {
    const dump = parseName(name);
    return dump && (!database || forDatabase(dump.prefix, database)) ? [{ name, ...dump }] : [];
  });
  const newest = dumps.reduce<(typeof dumps)[number] | null>((a, b) => (a === null || b.at > a.at ? b : a), null);
  const now = input.now ?? new Date();
  return {
    status: 'ok',
    data: {
      source: 'dump-dir',
      newestSuccessAt: newest?.at.toISOString() ?? null,
      ageHours: newest ? Math.round(((now.getTime() - newest.at.getTime()) / 3_600_000) * 100) / 100 : null,
      policyHours: input.policyHours ?? 26,
      encrypted: newest ? newest.encrypted : null,
      detail: { dir, database: database ?? null, dumps: dumps.length, newestFile: newest?.name ?? null, unmatchedFiles: names.length - dumps.length },
    },
  };
}
