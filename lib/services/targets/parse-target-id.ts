import 'server-only';
import { z } from 'zod';
import { AppError } from '../../errors/app-error';

/** A malformed id can name nothing, so it reads as not found rather than as bad input. */
export function parseTargetId(id: unknown): string {
  const parsed = z.uuid().safeParse(id);
  if (!parsed.success) throw new AppError('not_found', 'Database not found');
  return parsed.data;
}
