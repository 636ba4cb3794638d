import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password-hash';

describe('password hashing', () => {
  it('uses argon2id with a per-hash salt and verifies', async () => {
    const a = await hashPassword('a-long-enough-passphrase');
    const b = await hashPassword('a-long-enough-passphrase');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'a-long-enough-passphrase')).toBe(true);
    expect(await verifyPassword(a, 'a-long-enough-passphrasE')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });
});
