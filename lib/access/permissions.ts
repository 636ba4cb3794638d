import type { Role } from '../generated/prisma/enums';

export type Permission =
  | 'inventory:read'
  | 'inventory:write'
  | 'credentials:write'
  | 'scan:run'
  /** a scan's own status and result; inventory:read implies it */
  | 'scan:read'
  | 'exceptions:write'
  | 'security:override'
  | 'alerts:manage'
  | 'users:manage'
  | 'tokens:manage'
  | 'audit:read';

const grants: Record<Role, readonly Permission[]> = {
  viewer: ['inventory:read', 'scan:read'],
  editor: ['inventory:read', 'scan:read', 'inventory:write', 'credentials:write', 'scan:run', 'exceptions:write'],
  admin: [
    'inventory:read',
    'scan:read',
    'inventory:write',
    'credentials:write',
    'scan:run',
    'exceptions:write',
    'security:override',
    'alerts:manage',
    'users:manage',
    'tokens:manage',
    'audit:read',
  ],
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission);
}
