import { describe, expect, it } from 'vitest';
import { createUserSchema } from './user';

describe('user validation', () => {
  const base = { email: 'Alice@Example.com', role: 'viewer' };
  it('normalises the email and accepts a long passphrase', () => {
    const u = createUserSchema.parse({ ...base, password: 'correct horse battery staple '.repeat(3) });
    expect(u.email).toBe('alice@example.com');
  });
  it.each(['short', 'password123', 'Password123!', 'x'.repeat(257)])('refuses the password %s', (password) => {
    expect(createUserSchema.safeParse({ ...base, password }).success).toBe(false);
  });
  it('refuses an unknown role', () => {
    expect(createUserSchema.safeParse({ ...base, role: 'root', password: 'a-long-enough-passphrase' }).success).toBe(false);
  });
});
