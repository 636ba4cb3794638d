import 'server-only';
import { createHash, randomBytes } from 'node:crypto';

/** `pst_` + 32 random bytes in base64url (256 bits); the prefix lets secret scanners and log filters spot one. */
export const apiTokenPattern = /^pst_[A-Za-z0-9_-]{43}$/;
/** How much of the token is kept in clear to tell tokens apart in lists and audit rows (8 random chars ≈ 48 bits). */
const shownChars = 12;

export interface NewApiTokenSecret {
  token: string;
  prefix: string;
  secretHash: string;
}

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newApiTokenSecret(): NewApiTokenSecret {
  const token = `pst_${randomBytes(32).toString('base64url')}`;
  return { token, prefix: token.slice(0, shownChars), secretHash: hashApiToken(token) };
}

/** Anything that looks like one of our tokens, anywhere in a string (query strings, log lines). */
export const apiTokenLike = /pst_[A-Za-z0-9_-]{20,}/;
