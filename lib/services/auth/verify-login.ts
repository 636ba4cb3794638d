import 'server-only';
import { db } from '../../db';
import { burnVerifyTime, verifyPassword } from '../../crypto/password-hash';
import { loginSchema } from '../../validations/user';
import { systemContext } from '../service-context';
import { writeAudit } from '../audit/write-audit';

export interface LoginResult {
  id: string;
  email: string;
  role: 'admin' | 'editor' | 'viewer';
  sessionVersion: number;
}

/**
 * Checks an email and password; every attempt, good or bad, is audited with the client address and without the
 * password. Credentials that do not parse (wrong types, over-long) look no account up and record none of their text.
 */
export async function verifyLogin(input: unknown, address?: string): Promise<LoginResult | null> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) {
    await db.$transaction((tx) => writeAudit(tx, systemContext('auth'), { action: 'auth.login_failed', entity: 'user', diff: { reason: 'malformed credentials', address } }));
    return null;
  }
  const { email, password } = parsed.data;
  const user = await db.user.findUnique({ where: { email } });
  const ok = user ? await verifyPassword(user.passwordHash, password) : (await burnVerifyTime(password), false);
  const allowed = ok && user !== null && user.disabledAt === null;
  await db.$transaction(async (tx) => {
    if (allowed) await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    await writeAudit(tx, systemContext('auth'), {
      action: allowed ? 'auth.login' : 'auth.login_failed',
      entity: 'user',
      entityId: user?.id ?? null,
      diff: { email, address, reason: allowed ? undefined : !user ? 'unknown email' : !ok ? 'wrong password' : 'disabled' },
    });
  });
  return allowed ? { id: user.id, email: user.email, role: user.role, sessionVersion: user.sessionVersion } : null;
}
