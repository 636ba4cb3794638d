import type { Role } from '../generated/prisma/enums';

export type Permission =
  | 'inventory:read'
  | 'inventory:write'
  | 'credentials:write'
  | 'scan:run'
  | 'exceptions:write'
  | 'security:override'
  | 'alerts:manage'
  | 'users:manage'
  | 'audit:read';

const grants: Record<Role, readonly Permission[]> = {
  viewer: ['inventory:read'],
  editor: ['inventory:read', 'inventory:write', 'credentials:write', 'scan:run', 'exceptions:write'],
  admin: ['inventory:read', 'inventory:write', 'credentials:write', 'scan:run', 'exceptions:write', 'security:override', 'alerts:manage', 'users:manage', 'audit:read'],
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission);
}
