'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { Role } from '@/lib/generated/prisma/enums';

const RoleContext = createContext<Role | null>(null);

/** The signed-in user's role, for client components deep in a page to hide what the API would refuse anyway. */
export function CurrentRoleProvider({ role, children }: { role: Role; children: ReactNode }) {
  return <RoleContext value={role}>{children}</RoleContext>;
}

export function useCurrentRole(): Role | null {
  return useContext(RoleContext);
}
