import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import '@fontsource-variable/inter';
import './globals.css';
import { Providers } from './providers';

export const metadata: Metadata = {
  title: { default: 'Posture', template: '%s · Posture' },
  description: 'Security posture control plane for database fleets',
};

// Every page renders per request: the CSP nonce proxy.ts sets must reach Next's inline scripts.
export const dynamic = 'force-dynamic';

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
