import { expect, test } from '@playwright/test';

// Every /api route except /api/auth/* and /api/health must refuse a caller with no session or token.
const guarded: [string, string][] = [
  ['GET', '/api/v1/databases'],
  ['POST', '/api/v1/databases'],
  ['GET', '/api/v1/databases/00000000-0000-4000-8000-000000000000'],
  ['PATCH', '/api/v1/databases/00000000-0000-4000-8000-000000000000'],
  ['DELETE', '/api/v1/databases/00000000-0000-4000-8000-000000000000'],
  ['PUT', '/api/v1/databases/00000000-0000-4000-8000-000000000000/credential'],
  ['POST', '/api/v1/databases/00000000-0000-4000-8000-000000000000/archive'],
  ['GET', '/api/v1/users'],
  ['POST', '/api/v1/users'],
  ['PATCH', '/api/v1/users/00000000-0000-4000-8000-000000000000'],
  ['PUT', '/api/v1/users/00000000-0000-4000-8000-000000000000/password'],
  ['GET', '/api/v1/inventory/export'],
  ['POST', '/api/v1/inventory/import'],
];

test.describe('API without a session', () => {
  for (const [method, path] of guarded) {
    test(`${method} ${path} → 401`, async ({ request }) => {
      const res = await request.fetch(path, { method, data: method === 'GET' ? undefined : {}, headers: { 'x-middleware-subrequest': 'middleware' } });
      expect(res.status()).toBe(401);
      const body = await res.json();
      expect(body.error.code).toBe('unauthorized');
    });
  }

  test('health is public', async ({ request }) => {
    const res = await request.get('/api/health');
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, store: 'up' });
  });
});
