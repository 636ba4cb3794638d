import { ZodError } from 'zod';
import { AppError } from './app-error';

function prismaCode(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' && /^P\d{4}$/.test(e.code)) {
    return e.code;
  }
  return undefined;
}

/** Normalises anything thrown below a route or action into an AppError; unknown errors become 'internal'. */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof ZodError) {
    return new AppError(
      'bad_request',
      'Invalid input',
      // An unknown key is reported at its parent; name the key itself, so the caller sees which field is wrong.
      e.issues.flatMap((i) =>
        i.code === 'unrecognized_keys'
          ? i.keys.map((k) => ({ path: [...i.path, k].join('.'), message: 'is not a known field' }))
          : [{ path: i.path.join('.') || '(root)', message: i.message }],
      ),
    );
  }
  const code = prismaCode(e);
  if (code === 'P2002') return new AppError('conflict', 'A record with this value already exists');
  if (code === 'P2025') return new AppError('not_found', 'Not found');
  return new AppError('internal', 'Internal error');
}
