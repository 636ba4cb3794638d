import 'server-only';
import { db } from '../../db';
import type { ServiceContext } from '../service-context';
import { writeAudit } from '../audit/write-audit';

export interface LimitedLogin {
  email: string;
  /** absent when the attempt was not a sign-in (a password change) */
  address?: string;
  scope: 'account' | 'address';
  retryAfterSeconds: number;
}

/** Audits a sign-in refused by the throttle before any password was checked (the password is never read). */
export async function recordLoginLimited(ctx: ServiceContext, attempt: LimitedLogin): Promise<void> {
  const email = attempt.email.trim().toLowerCase();
  const user = email ? await db.user.findUnique({ where: { email }, select: { id: true } }) : null;
  await db.$transaction(async (tx) => {
    await writeAudit(tx, ctx, {
      action: 'auth.login_limited',
      entity: 'user',
      entityId: user?.id ?? null,
      diff: { email, address: attempt.address, limit: attempt.scope, retryAfterSeconds: attempt.retryAfterSeconds },
    });
  });
}
