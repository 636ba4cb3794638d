import type { ReactNode } from 'react';
import { cookies } from 'next/headers';
import { requireUser } from '@/lib/auth/require-user';
import { themeFromCookie } from '@/lib/ui/theme-from-cookie';
import { CurrentRoleProvider } from '../_components/current-role';
import { AppNav } from './app-nav';

export const dynamic = 'force-dynamic';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const ctx = await requireUser();
  const theme = themeFromCookie((await cookies()).get('posture-theme')?.value);
  return (
    <div className="shell">
      <AppNav email={ctx.actor.email} role={ctx.actor.role} theme={theme} />
      <main className="main" id="main">
        <CurrentRoleProvider role={ctx.actor.role}>{children}</CurrentRoleProvider>
      </main>
    </div>
  );
}
