import type { Role } from '../generated/prisma/enums';
import { AppError } from '../errors/app-error';
import { roleAllows, type Permission } from '../auth/permissions';

export type Actor =
  | { kind: 'user'; id: string; email: string; role: Role }
  | { kind: 'system'; name: string };

/** What every service receives first: who is asking. */
export interface ServiceContext {
  actor: Actor;
}

export function systemContext(name: string): ServiceContext {
  return { actor: { kind: 'system', name } };
}

export function actorLabel(actor: Actor): string {
  return actor.kind === 'user' ? `user:${actor.email}` : `system:${actor.name}`;
}

/** Throws forbidden unless the actor's role grants the permission; system actors are trusted code paths. */
export function authorize(ctx: ServiceContext, permission: Permission): void {
  if (ctx.actor.kind === 'system') return;
  if (!roleAllows(ctx.actor.role, permission)) {
    throw new AppError('forbidden', `Your role (${ctx.actor.role}) may not do this (${permission})`);
  }
}
