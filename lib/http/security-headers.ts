/**
 * The response headers every page and route carries. The CSP is strict and nonce-based: scripts run only with the
 * per-request nonce (and what they load, via 'strict-dynamic'); no plugins, no <base>, no framing. Inline style
 * attributes (charts, progress bars) need style-src 'unsafe-inline'; styles cannot run code.
 */
export function securityHeaders(opts: { nonce: string; https: boolean; dev: boolean }): Record<string, string> {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${opts.nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    // Only over HTTPS: on plain HTTP the header is meaningless and would pin a dev host to HTTPS for a year.
    ...(opts.https ? { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' } : {}),
  };
}

/** Served over HTTPS: the configured public URL says so, or the TLS-terminating proxy in front of us does. */
export function servedOverHttps(forwardedProto: string | null, publicUrl: string | undefined): boolean {
  return (publicUrl ?? '').startsWith('https://') || forwardedProto?.split(',')[0]?.trim() === 'https';
}
