import type { Role } from '../generated/prisma/enums';

/** Dashboard pages that need more than viewer, by path prefix; each page's requireRole call must match (tested). */
export const pageRoles: readonly { path: string; role: Role }[] = [
  { path: '/databases/new', role: 'editor' },
  { path: '/settings/users', role: 'admin' },
  { path: '/settings/notifications', role: 'admin' },
  { path: '/settings/tokens', role: 'admin' },
  { path: '/settings/security', role: 'admin' },
];

/** The role a dashboard path needs, for the 403 page to name; null when any signed-in user may open it. */
export function requiredPageRole(pathname: string): Role | null {
  return pageRoles.find((p) => pathname === p.path || pathname.startsWith(`${p.path}/`))?.role ?? null;
}
