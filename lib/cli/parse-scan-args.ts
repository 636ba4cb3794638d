import { z } from 'zod';
import { isGrade, type Grade } from '../grading/grade-bands';

export interface ScanArgs {
  url: URL;
  caFile: string | null;
  json: boolean;
  failUnder: Grade | null;
  timeoutSeconds: number;
  kubeconfig: string | null;
  context: string | null;
  namespace: string | null;
  selector: string | null;
  pvcNames: string[];
  pgbackrestStanza: string | null;
  pgbackrestConfig: string | null;
  dumpDir: string | null;
  passwordRotatedAt: string | null;
}

export class UsageError extends Error {}

const valued = ['--ca', '--fail-under', '--timeout', '--kubeconfig', '--context', '--namespace', '--selector', '--pvc', '--pgbackrest-stanza', '--pgbackrest-config', '--dump-dir', '--password-rotated-at'] as const;

/** Parses `scan <postgresql-url> [options]`; every problem is a UsageError naming the argument. */
export function parseScanArgs(argv: string[]): ScanArgs {
  const positional: string[] = [];
  const opts = new Map<string, string>();
  const pvc: string[] = [];
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if ((valued as readonly string[]).includes(a)) {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      if (a === '--pvc') pvc.push(v);
      else opts.set(a, v);
    } else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else positional.push(a);
  }
  if (positional.length !== 1) throw new UsageError('give exactly one target: posture scan <postgresql-url>');
  let url: URL;
  try {
    url = new URL(positional[0]!);
  } catch {
    throw new UsageError('the target must be a URL like postgresql://user:password@host:5432/db');
  }
  if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') throw new UsageError('the target URL must start with postgresql://');
  if (!url.hostname) throw new UsageError('the target URL has no host');
  const failUnder = opts.get('--fail-under') ?? null;
  if (failUnder !== null && !isGrade(failUnder)) throw new UsageError(`--fail-under must be a grade (A+, A, A-, B+, B, B-, C+, C, C-, D+, D, D-, F), not ${failUnder}`);
  const timeout = z.coerce.number().int().min(1).max(600).safeParse(opts.get('--timeout') ?? '20');
  if (!timeout.success) throw new UsageError('--timeout must be a whole number of seconds between 1 and 600');
  const rotated = opts.get('--password-rotated-at') ?? null;
  if (rotated !== null && Number.isNaN(Date.parse(rotated))) throw new UsageError('--password-rotated-at must be a date, e.g. 2026-09-01');
  if ((opts.has('--selector') || pvc.length) && !opts.has('--namespace')) throw new UsageError('--selector and --pvc need --namespace');
  return {
    url,
    caFile: opts.get('--ca') ?? null,
    json,
    failUnder: (failUnder as Grade | null) ?? null,
    timeoutSeconds: timeout.data,
    kubeconfig: opts.get('--kubeconfig') ?? null,
    context: opts.get('--context') ?? null,
    namespace: opts.get('--namespace') ?? null,
    selector: opts.get('--selector') ?? null,
    pvcNames: pvc,
    pgbackrestStanza: opts.get('--pgbackrest-stanza') ?? null,
    pgbackrestConfig: opts.get('--pgbackrest-config') ?? null,
    dumpDir: opts.get('--dump-dir') ?? null,
    passwordRotatedAt: rotated ? new Date(rotated).toISOString() : null,
  };
}
