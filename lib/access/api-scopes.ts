import type { Permission } from './permissions';

export const apiScopes = ['read', 'scan', 'write'] as const;
export type ApiScope = (typeof apiScopes)[number];

/**
 * What each token scope grants. Scopes are independent (least privilege): a CI gate that only starts scans
 * and polls them needs `scan` alone; combine `read,write` for inventory sync. Admin-only areas (users,
 * alert settings, tokens, exceptions, overrides) are never reachable with a token.
 */
const scopeGrants: Record<ApiScope, readonly Permission[]> = {
  read: ['inventory:read'],
  scan: ['scan:run', 'scan:read'],
  write: ['inventory:write', 'credentials:write'],
};

export function scopesAllow(scopes: readonly ApiScope[], permission: Permission): boolean {
  return scopes.some((s) => scopeGrants[s].includes(permission));
}

/** The scopes that grant a permission, for the 403 message. */
export function scopesGranting(permission: Permission): ApiScope[] {
  return apiScopes.filter((s) => scopeGrants[s].includes(permission));
}
