import type { ReactNode } from 'react';
import { requireUser } from '@/lib/auth/require-user';
import { AppNav } from './app-nav';

export const dynamic = 'force-dynamic';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const ctx = await requireUser();
  return (
    <div className="shell">
      <AppNav email={ctx.actor.email} role={ctx.actor.role} />
      <main className="main" id="main">
        {children}
      </main>
    </div>
  );
}
