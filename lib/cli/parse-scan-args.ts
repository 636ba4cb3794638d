import { z } from 'zod';
import { isGrade, type Grade } from '../grading/grade-bands';
import { spkiPinSchema } from '../validations/tls-pin';
import { hostSchema } from '../validations/target';
import type { EngineId } from '../engines/engine-definition';
import { engineRegistry } from '../engines/engine-registry';

export interface ScanArgs {
  url: URL;
  caFile: string | null;
  /** the name the certificate must be issued for, when it is not the URL's host */
  serverName: string | null;
  /** a pinned leaf key (base64 SHA-256 of its SPKI): the login may go to a server serving it */
  pin: string | null;
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
  /** the engine the URL names: by scheme, or --engine for https:// */
  engine: ScanEngine;
  certFile: string | null;
  keyFile: string | null;
  /** inventory-style tags: store, plaintext-port:<n>, management-port:<n> */
  tags: string[];
}

export type ScanEngine = EngineId;

const enginesOf = (scheme: string) => engineRegistry.filter((e) => e.urlSchemes.some((u) => u.scheme === scheme)).map((e) => e.id);
const orList = (items: readonly string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items.at(-1)}` : (items[0] ?? ''));
const httpsEngines = enginesOf('https:');
const urlSchemes = [...new Set(engineRegistry.flatMap((e) => e.urlSchemes.map((u) => u.scheme)))].filter((s) => s !== 'https:');

export class UsageError extends Error {}

const valued = [
  '--ca', '--fail-under', '--timeout', '--kubeconfig', '--context', '--namespace', '--selector', '--pvc', '--pgbackrest-stanza', '--pgbackrest-config', '--dump-dir',
  '--password-rotated-at', '--engine', '--cert', '--key', '--plaintext-port', '--management-port', '--server-name', '--pin',
] as const;

const portOption = (opts: Map<string, string>, name: string): number | null => {
  const v = opts.get(name);
  if (v === undefined) return null;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new UsageError(`${name} must be a port number (1-65535)`);
  return n;
};

/** The engine from the URL's scheme; https:// needs --engine, and --engine must agree with any other scheme. */
function engineOf(url: URL, flag: string | undefined): ScanEngine {
  if (url.protocol === 'https:') {
    const engine = httpsEngines.find((e) => e === flag);
    if (!engine) throw new UsageError(`an https:// target needs --engine ${orList(httpsEngines)}`);
    return engine;
  }
  const engine = enginesOf(url.protocol)[0];
  if (!engine) throw new UsageError(`the target URL must start with ${orList([...urlSchemes.map((s) => `${s}//`), 'https:// (with --engine)'])}`);
  if (flag !== undefined && flag !== engine) throw new UsageError(`--engine ${flag} does not match a ${url.protocol}// URL`);
  return engine;
}

/** Parses `scan <url> [options]`; every problem is a UsageError naming the argument. */
export function parseScanArgs(argv: string[]): ScanArgs {
  const positional: string[] = [];
  const opts = new Map<string, string>();
  const pvc: string[] = [];
  let json = false;
  let store = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--store') store = true;
    else if ((valued as readonly string[]).includes(a)) {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      if (a === '--pvc') pvc.push(v);
      else opts.set(a, v);
    } else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else positional.push(a);
  }
  if (positional.length !== 1) throw new UsageError('give exactly one target: posture scan <url>');
  let url: URL;
  try {
    url = new URL(positional[0]!);
  } catch {
    throw new UsageError('the target must be a URL like postgresql://user:password@host:5432/db');
  }
  const engine = engineOf(url, opts.get('--engine'));
  if (!url.hostname) throw new UsageError('the target URL has no host');
  if (opts.has('--cert') !== opts.has('--key')) throw new UsageError('--cert and --key go together (a PEM client certificate and its key)');
  const plaintextPort = portOption(opts, '--plaintext-port');
  const managementPort = portOption(opts, '--management-port');
  if (store && engine !== 'redis') throw new UsageError('--store applies to Redis targets only');
  const tags = [...(store ? ['store'] : []), ...(plaintextPort ? [`plaintext-port:${plaintextPort}`] : []), ...(managementPort ? [`management-port:${managementPort}`] : [])];
  const failUnder = opts.get('--fail-under') ?? null;
  if (failUnder !== null && !isGrade(failUnder)) throw new UsageError(`--fail-under must be a grade (A+, A, A-, B+, B, B-, C+, C, C-, D+, D, D-, F), not ${failUnder}`);
  const timeout = z.coerce.number().int().min(1).max(600).safeParse(opts.get('--timeout') ?? '20');
  if (!timeout.success) throw new UsageError('--timeout must be a whole number of seconds between 1 and 600');
  const pin = opts.get('--pin') ?? null;
  if (pin !== null && !spkiPinSchema.safeParse(pin).success) throw new UsageError('--pin must be a base64 SHA-256 of the certificate key (44 characters ending in =)');
  const serverName = opts.get('--server-name') ?? null;
  if (serverName !== null && !hostSchema.safeParse(serverName).success) throw new UsageError('--server-name must be a hostname or an IP address');
  const rotated = opts.get('--password-rotated-at') ?? null;
  if (rotated !== null && Number.isNaN(Date.parse(rotated))) throw new UsageError('--password-rotated-at must be a date, e.g. 2026-09-01');
  if ((opts.has('--selector') || pvc.length) && !opts.has('--namespace')) throw new UsageError('--selector and --pvc need --namespace');
  return {
    url,
    caFile: opts.get('--ca') ?? null,
    serverName: serverName?.toLowerCase() ?? null,
    pin,
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
    engine,
    certFile: opts.get('--cert') ?? null,
    keyFile: opts.get('--key') ?? null,
    tags,
  };
}
