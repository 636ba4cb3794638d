import { describe, expect, it } from 'vitest';
import { redactSmtpError } from './redact-smtp-error';
import { deliveryBackoffMs } from './delivery-backoff';

describe('redactSmtpError', () => {
  it('keeps the code and the reason', () => {
    expect(redactSmtpError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ESOCKET' }))).toBe('ESOCKET: connect ECONNREFUSED 127.0.0.1:25');
  });

  it('cuts AUTH payloads, base64 runs and the configured credentials out', () => {
    const plain = Buffer.from('\0posture\0Tr0ub4dor&3-long-password').toString('base64');
    const e = Object.assign(new Error(`Invalid login: 535 5.7.8 rejected AUTH PLAIN ${plain}\r\nuser posture password=Tr0ub4dor&3-long-password`), { code: 'EAUTH' });
    const text = redactSmtpError(e, ['Tr0ub4dor&3-long-password', 'posture']);
    expect(text).not.toContain('Tr0ub4dor');
    expect(text).not.toContain(plain);
    expect(text).not.toContain('posture');
    expect(text).not.toMatch(/[\r\n]/);
    expect(text).toMatch(/^EAUTH: Invalid login: 535/);
    expect(redactSmtpError(new Error('334 VXNlcm5hbWU6 then dXNlckBleGFtcGxlLmNvbXBhbnkuaW50ZXJuYWw='))).not.toContain('dXNlckBleGFtcGxl');
  });

  it('is short', () => {
    expect(redactSmtpError(new Error('x '.repeat(1000))).length).toBeLessThanOrEqual(500);
  });
});

describe('deliveryBackoffMs', () => {
  it('doubles from 30 s and stops at an hour', () => {
    expect([1, 2, 3, 4, 7, 8, 20].map(deliveryBackoffMs)).toEqual([30_000, 60_000, 120_000, 240_000, 1_920_000, 3_600_000, 3_600_000]);
  });
});
