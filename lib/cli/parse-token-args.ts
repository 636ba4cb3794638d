import { UsageError } from './parse-scan-args';

export type TokenArgs =
  | { action: 'create'; name: string; scopes: string[]; expiresIn: string | null; json: boolean }
  | { action: 'list'; json: boolean }
  | { action: 'revoke'; ref: string; json: boolean };

const valued = new Set(['--name', '--scopes', '--expires-in']);

/** Parses `token create|list|revoke …`; values are checked by the service's zod schema, names here. */
export function parseTokenArgs(argv: string[]): TokenArgs {
  const [action, ...rest] = argv;
  const opts = new Map<string, string>();
  const positional: string[] = [];
  let json = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--json') json = true;
    else if (valued.has(a)) {
      const v = rest[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      if (opts.has(a)) throw new UsageError(`${a} given twice`);
      opts.set(a, v);
    } else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else positional.push(a);
  }
  if (action === 'create') {
    if (positional.length) throw new UsageError(`unexpected argument ${positional[0]}`);
    const name = opts.get('--name');
    const scopes = opts.get('--scopes');
    if (!name) throw new UsageError('token create needs --name <name>');
    if (!scopes) throw new UsageError('token create needs --scopes read,scan,write (one or more)');
    return { action, name, scopes: scopes.split(',').map((s) => s.trim()).filter(Boolean), expiresIn: opts.get('--expires-in') ?? null, json };
  }
  if (opts.size) throw new UsageError(`${[...opts.keys()][0]} only applies to token create`);
  if (action === 'list') {
    if (positional.length) throw new UsageError(`unexpected argument ${positional[0]}`);
    return { action, json };
  }
  if (action === 'revoke') {
    if (positional.length !== 1) throw new UsageError('token revoke needs one token id or prefix (pst_xxxxxxxx)');
    return { action, ref: positional[0]!, json };
  }
  throw new UsageError(action ? `unknown token action ${action}` : 'token needs an action: create, list or revoke');
}
