import 'server-only';
import type { Prisma } from '../../generated/prisma/client';

export const userViewSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabledAt: true,
  lastLoginAt: true,
  createdAt: true,
} satisfies Prisma.UserSelect;

type Row = Prisma.UserGetPayload<{ select: typeof userViewSelect }>;

export interface UserView {
  id: string;
  email: string;
  name: string | null;
  role: Row['role'];
  disabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export function toUserView(row: Row): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabledAt !== null,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
