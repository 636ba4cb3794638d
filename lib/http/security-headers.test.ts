import { describe, expect, it } from 'vitest';
import { securityHeaders, servedOverHttps } from './security-headers';

const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));

describe('securityHeaders', () => {
  it('a strict nonce CSP without unsafe script sources, plugins, base or framing', () => {
    const h = securityHeaders({ nonce: 'abc123', https: false, dev: false });
    const csp = directives(h['Content-Security-Policy']!);
    expect(csp.get('script-src')).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(h['Content-Security-Policy']).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(h['X-Content-Type-Options']).toBe('nosniff');
    expect(h['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
  });

  it('HSTS and upgrade-insecure-requests only over HTTPS', () => {
    expect(securityHeaders({ nonce: 'n', https: false, dev: false })['Strict-Transport-Security']).toBeUndefined();
    const https = securityHeaders({ nonce: 'n', https: true, dev: false });
    expect(https['Strict-Transport-Security']).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(https['Content-Security-Policy']).toContain('upgrade-insecure-requests');
  });

  it('knows HTTPS from the public URL or the terminating proxy', () => {
    expect(servedOverHttps(null, 'https://posture.example')).toBe(true);
    expect(servedOverHttps('https', 'http://localhost:3000')).toBe(true);
    expect(servedOverHttps('http', undefined)).toBe(false);
    expect(servedOverHttps(null, undefined)).toBe(false);
  });
});
