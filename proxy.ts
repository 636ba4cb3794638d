import { NextResponse, type NextRequest } from 'next/server';
import { securityHeaders, servedOverHttps } from './lib/http/security-headers';
import { variable } from './lib/env';

/**
 * Sets the security headers and the per-request CSP nonce, nothing else: it is not an access guard (every page,
 * route and service checks the caller itself). Next reads the nonce from the request's CSP header for its scripts.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
  const https = servedOverHttps(request.headers.get('x-forwarded-proto'), variable('NEXTAUTH_URL') ?? variable('POSTURE_PUBLIC_URL'));
  const headers = securityHeaders({ nonce, https, dev: variable('NODE_ENV') === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy']!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
  return response;
}

export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico).*)' }],
};
