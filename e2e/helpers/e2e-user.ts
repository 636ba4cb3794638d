export type E2eRole = 'admin' | 'editor' | 'viewer';

/** The seeded users' credentials, handed over by scripts/e2e.ts through the environment. */
export function e2eUser(role: E2eRole): { email: string; password: string } {
  const prefix = `E2E_${role.toUpperCase()}`;
  const email = process.env[`${prefix}_EMAIL`];
  const password = process.env[`${prefix}_PASSWORD`];
  if (!email || !password) throw new Error(`${prefix}_EMAIL and ${prefix}_PASSWORD must be set; run the specs through npm run test:e2e`);
  return { email, password };
}
