import { redirect } from 'next/navigation';
import { sessionContext } from '@/lib/auth/session-context';
import { LoginForm } from './login-form';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Sign in' };

/** Only same-site paths are honoured, so the login page cannot be used as an open redirect. */
function safeCallback(value: string | string[] | undefined): string {
  const v = Array.isArray(value) ? value[0] : value;
  return v && v.startsWith('/') && !v.startsWith('//') && !v.startsWith('/\\') ? v : '/';
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await sessionContext()) redirect('/');
  const params = await searchParams;
  return (
    <main className="centered-page">
      <div className="card narrow login-card">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true" />
          Posture
        </div>
        <h1>Sign in</h1>
        <LoginForm callbackUrl={safeCallback(params.callbackUrl)} />
      </div>
    </main>
  );
}
