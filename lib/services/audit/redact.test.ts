import { describe, expect, it } from 'vitest';
import { changedFields, redact } from './redact';

describe('audit redaction', () => {
  it('redacts secret-looking keys at any depth', () => {
    const out = redact({ name: 'a', credential: { username: 'u', password: 'canary' }, list: [{ token: 't' }] });
    expect(JSON.stringify(out)).not.toContain('canary');
    expect(JSON.stringify(out)).not.toContain('"t"');
    expect(out).toMatchObject({ name: 'a', credential: { username: 'u', password: '[redacted]' } });
  });

  it('keeps references to where a secret lives, which are not secrets', () => {
    expect(redact({ passwordFromEnv: 'AUTH_DB_PASSWORD' })).toEqual({ passwordFromEnv: 'AUTH_DB_PASSWORD' });
  });

  it('diffs only changed fields', () => {
    expect(changedFields({ a: 1, b: 2, password: 'x' }, { a: 1, b: 3, password: 'y' })).toEqual({
      b: [2, 3],
      password: ['[redacted]', '[redacted]'],
    });
  });
});
