import { z } from 'zod';
import { commonPasswords } from './common-passwords';

/** Length over complexity (NIST 800-63B): 12+ characters, long passphrases welcome, breached ones refused. */
export const newPasswordSchema = z
  .string()
  .min(12, 'must be at least 12 characters')
  .max(256, 'must be at most 256 characters')
  .refine((p) => !commonPasswords.has(p) && !commonPasswords.has(p.toLowerCase()), 'is too common; choose another');
