import { forbidden, redirect } from 'next/navigation';
import type { NextRequest } from 'next/server';
import type { Role } from '../generated/prisma/enums';
import { AppError } from '../errors/app-error';
import type { ServiceContext } from '../services/service-context';
import { sessionContext } from './session-context';
import { apiCallerContext } from './api-caller-context';

const rank: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

/** For pages: the signed-in user's context, or a redirect to the login page. */
export async function requireUser(): Promise<ServiceContext & { actor: { kind: 'user'; role: Role } }> {
  const ctx = await sessionContext();
  if (!ctx || ctx.actor.kind !== 'user') redirect('/login');
  return ctx as ServiceContext & { actor: { kind: 'user'; role: Role } };
}

/** For pages that only some roles may open; a lower role gets the 403 page, which names the role needed. */
export async function requireRole(min: Role): Promise<ServiceContext & { actor: { kind: 'user'; role: Role } }> {
  const ctx = await requireUser();
  if (rank[ctx.actor.role] < rank[min]) forbidden();
  return ctx;
}

/** For route handlers: the caller (bearer token or session cookie), rate-limited, or a 401. */
export async function requireApiCaller(req: NextRequest): Promise<ServiceContext> {
  const ctx = await apiCallerContext(req);
  if (!ctx) throw new AppError('unauthorized', 'Sign in or send an API token in the Authorization: Bearer header');
  return ctx;
}
