import 'server-only';
import { randomBytes } from 'node:crypto';
import { db } from '../../db';
import { hashPassword } from '../../crypto/password-hash';
import { createUserSchema } from '../../validations/user';
import { systemContext } from '../service-context';
import { writeAudit } from '../audit/write-audit';

export type EnsureAdminResult =
  | { status: 'exists'; email: string }
  | { status: 'created'; email: string; password: string; generated: boolean };

/** Bootstraps the first admin when the store has none; a generated password is returned once, never stored. */
export async function ensureAdmin(opts: { email?: string; password?: string }): Promise<EnsureAdminResult> {
  const existing = await db.user.findFirst({ where: { role: 'admin', disabledAt: null }, orderBy: { createdAt: 'asc' } });
  if (existing) return { status: 'exists', email: existing.email };
  const generated = !opts.password;
  const password = opts.password ?? randomBytes(18).toString('base64url');
  const data = createUserSchema.parse({ email: opts.email ?? 'admin@posture.local', role: 'admin', password, name: 'Administrator' });
  const passwordHash = await hashPassword(data.password);
  await db.$transaction(async (tx) => {
    const user = await tx.user.upsert({
      where: { email: data.email },
      create: { email: data.email, name: data.name, role: 'admin', passwordHash },
      update: { role: 'admin', disabledAt: null, passwordHash, sessionVersion: { increment: 1 } },
    });
    await writeAudit(tx, systemContext('bootstrap'), { action: 'user.bootstrap_admin', entity: 'user', entityId: user.id, diff: { email: data.email } });
  });
  return { status: 'created', email: data.email, password, generated };
}
