import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import '@fontsource-variable/inter';
import './globals.css';
import { cookies } from 'next/headers';
import { themeFromCookie } from '@/lib/ui/theme-from-cookie';
import { Providers } from './providers';

export const metadata: Metadata = {
  title: { default: 'Posture', template: '%s · Posture' },
  description: 'Security posture control plane for database fleets',
  icons: { icon: [{ url: '/favicon.ico', sizes: '16x16 32x32 48x48' }, { url: '/logo.svg', type: 'image/svg+xml' }], apple: '/apple-touch-icon.png' },
  // A control plane has nothing to index; public/robots.txt says the same to crawlers that ask first.
  robots: { index: false, follow: false },
};

// Every page renders per request: the CSP nonce proxy.ts sets must reach Next's inline scripts.
export const dynamic = 'force-dynamic';

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = themeFromCookie((await cookies()).get('posture-theme')?.value);
  return (
    <html lang="en" data-theme={theme === 'system' ? undefined : theme}>
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
