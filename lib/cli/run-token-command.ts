import type { Writable } from 'node:stream';
import { AppError } from '../errors/app-error';
import { toAppError } from '../errors/to-app-error';
import { systemContext } from '../services/service-context';
import { createApiToken } from '../services/tokens/create-api-token';
import { listApiTokens } from '../services/tokens/list-api-tokens';
import { revokeApiToken } from '../services/tokens/revoke-api-token';
import type { ApiTokenView, CreateApiTokenInput } from '../validations/api/api-token-schemas';
import { parseTokenArgs } from './parse-token-args';

interface Io {
  stdout: Writable;
  stderr: Writable;
}

const cliContext = systemContext('cli');

function describe(t: ApiTokenView): string {
  const expires = t.expiresAt ? `expires ${t.expiresAt.slice(0, 10)}` : 'never expires';
  const used = t.lastUsedAt ? `last used ${t.lastUsedAt}` : 'never used';
  return `${t.prefix}…  ${t.name}  [${t.scopes.join(',')}]  ${t.status}  ${expires}  ${used}  id ${t.id}`;
}

/**
 * `posture token …` against the store (DATABASE_URL or the local embedded one). `create` prints the secret alone on
 * stdout — so `TOKEN=$(npm run -s posture -- token create …)` works — and what it made on stderr. Exit 0, or 1.
 */
export async function runTokenCommand(argv: string[], io: Io): Promise<number> {
  const args = parseTokenArgs(argv);
  try {
    if (args.action === 'create') {
      const created = await createApiToken(cliContext, { name: args.name, scopes: args.scopes as CreateApiTokenInput['scopes'], expiresIn: args.expiresIn });
      if (args.json) io.stdout.write(`${JSON.stringify(created)}\n`);
      else {
        io.stdout.write(`${created.token}\n`);
        io.stderr.write(`created ${describe(created)}\nThis is the only time the token is shown; only its SHA-256 is stored.\n`);
      }
    } else if (args.action === 'list') {
      const tokens = await listApiTokens(cliContext);
      if (args.json) io.stdout.write(`${JSON.stringify({ items: tokens })}\n`);
      else io.stdout.write(tokens.length ? `${tokens.map(describe).join('\n')}\n` : 'no API tokens yet: posture token create --name <n> --scopes read\n');
    } else {
      const ref = args.ref.replace(/…$/, '');
      const revoked = await revokeApiToken(cliContext, /^pst_/.test(ref) ? { prefix: ref.slice(0, 12) } : { id: ref });
      io.stdout.write(args.json ? `${JSON.stringify(revoked)}\n` : `revoked ${describe(revoked)}\n`);
    }
    return 0;
  } catch (e) {
    const err = e instanceof AppError ? e : toAppError(e);
    const details = err.details?.map((d) => `\n  ${d.path}: ${d.message}`).join('') ?? '';
    io.stderr.write(`posture token: ${err.message}${details}\n`);
    return 1;
  }
}
