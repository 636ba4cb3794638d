import { redirect } from 'next/navigation';
import { safeCallbackPath } from '@/lib/auth/safe-callback-path';
import { sessionContext } from '@/lib/auth/session-context';
import { LoginForm } from './login-form';
import { BrandLogo } from '../../_components/brand-logo';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await sessionContext()) redirect('/');
  const params = await searchParams;
  return (
    <main className="centered-page">
      <div className="card narrow login-card">
        <div className="brand brand-large">
          <BrandLogo size={24} />
          Posture
        </div>
        <h1>Sign in</h1>
        <LoginForm callbackUrl={safeCallbackPath(Array.isArray(params.callbackUrl) ? params.callbackUrl[0] : params.callbackUrl)} />
      </div>
    </main>
  );
}
