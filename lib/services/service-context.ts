import 'server-only';
import type { Role } from '../generated/prisma/enums';
import { AppError } from '../errors/app-error';
import { roleAllows, type Permission } from '../access/permissions';
import { scopesAllow, scopesGranting, type ApiScope } from '../access/api-scopes';

export type Actor =
  | { kind: 'user'; id: string; email: string; role: Role }
  | { kind: 'token'; id: string; name: string; prefix: string; scopes: ApiScope[] }
  | { kind: 'system'; name: string };

/** What every service receives first: who is asking. */
export interface ServiceContext {
  actor: Actor;
}

export function systemContext(name: string): ServiceContext {
  return { actor: { kind: 'system', name } };
}

export function actorLabel(actor: Actor): string {
  if (actor.kind === 'user') return `user:${actor.email}`;
  if (actor.kind === 'token') return `token:${actor.name} (${actor.prefix})`;
  return `system:${actor.name}`;
}

function allows(actor: Actor, permission: Permission): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'token') return scopesAllow(actor.scopes, permission);
  return roleAllows(actor.role, permission);
}

function refusal(actor: Actor, permissions: readonly Permission[]): AppError {
  if (actor.kind === 'token') {
    const needed = [...new Set(permissions.flatMap(scopesGranting))];
    const message = needed.length
      ? `This API token lacks the scope for this (needs ${needed.join(' or ')})`
      : 'API tokens cannot do this; sign in as a user with the right role';
    return new AppError('forbidden', message);
  }
  const role = actor.kind === 'user' ? actor.role : 'system';
  return new AppError('forbidden', `Your role (${role}) may not do this (${permissions.join(' or ')})`);
}

/** Throws forbidden unless the actor's role or token scopes grant the permission; system actors are trusted code paths. */
export function authorize(ctx: ServiceContext, permission: Permission): void {
  if (!allows(ctx.actor, permission)) throw refusal(ctx.actor, [permission]);
}

/** Like authorize, for reads that any one of several grants opens (a scan's status: inventory:read or scan:read). */
export function authorizeAny(ctx: ServiceContext, permissions: readonly Permission[]): void {
  if (!permissions.some((p) => allows(ctx.actor, p))) throw refusal(ctx.actor, permissions);
}
