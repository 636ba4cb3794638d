import path from 'node:path';
import { z } from 'zod';

const isCleanAbsolute = (p: string) => p.startsWith('/') && !p.includes('\0') && !p.split('/').some((s) => s === '.' || s === '..');
/** After normalize at most one trailing slash is left, and only the root keeps it. */
const dropTrailingSlash = (p: string) => (p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p);
const normaliseAbsolute = (p: string) => dropTrailingSlash(path.posix.normalize(p));

/** An absolute path without `.`/`..` segments or a trailing slash, so prefix tests on it mean what they say. */
export const absolutePathSchema = z
  .string()
  .trim()
  .max(1024, 'is too long (1024 characters at most)')
  .refine(isCleanAbsolute, 'must be an absolute path without . or .. segments')
  .transform(normaliseAbsolute);

/** An executable: a program name looked up on PATH (e.g. pgbackrest) or a clean absolute path. */
export const programSchema = z
  .string()
  .trim()
  .max(1024, 'is too long (1024 characters at most)')
  .refine(
    (p) => (p.startsWith('/') ? isCleanAbsolute(p) : /^[a-z0-9][a-z0-9._+-]{0,127}$/i.test(p)),
    'must be a program name found on PATH (e.g. pgbackrest) or an absolute path without . or .. segments',
  )
  .transform((p) => (p.startsWith('/') ? normaliseAbsolute(p) : p));
