import type { ReactNode } from 'react';
import { requireUser } from '@/lib/auth/require-user';
import { CurrentRoleProvider } from '../_components/current-role';
import { AppNav } from './app-nav';

export const dynamic = 'force-dynamic';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const ctx = await requireUser();
  return (
    <div className="shell">
      <AppNav email={ctx.actor.email} role={ctx.actor.role} />
      <main className="main" id="main">
        <CurrentRoleProvider role={ctx.actor.role}>{children}</CurrentRoleProvider>
      </main>
    </div>
  );
}
