import { describe, expect, it } from 'vitest';
import { smtpSettings } from './smtp-settings';

const base = { POSTURE_SMTP_HOST: 'smtp.example.com', POSTURE_SMTP_FROM: 'posture@example.com' };

describe('smtpSettings', () => {
  it('is not configured without a host, whatever else is set', () => {
    expect(smtpSettings({ POSTURE_SMTP_FROM: 'posture@example.com' })).toEqual({ status: 'not-configured' });
  });

  it('defaults to port 587 with STARTTLS required, and timeouts of 10/10/20 s', () => {
    const r = smtpSettings(base);
    expect(r).toMatchObject({ status: 'configured', settings: { port: 587, secure: false, requireTls: true, maxAttempts: 8, timeouts: { connectMs: 10_000, greetingMs: 10_000, socketMs: 20_000 } } });
  });

  it('does not require STARTTLS of a server on this machine, and uses implicit TLS on 465', () => {
    expect(smtpSettings({ ...base, POSTURE_SMTP_HOST: 'localhost' })).toMatchObject({ settings: { requireTls: false } });
    expect(smtpSettings({ ...base, POSTURE_SMTP_HOST: '127.0.0.1', POSTURE_SMTP_PORT: '1025' })).toMatchObject({ settings: { requireTls: false, port: 1025 } });
    expect(smtpSettings({ ...base, POSTURE_SMTP_PORT: '465' })).toMatchObject({ settings: { secure: true, requireTls: false } });
  });

  it('names bad variables without echoing their values', () => {
    const r = smtpSettings({ ...base, POSTURE_SMTP_FROM: 'Evil\r\nBcc: x@evil.test <a@b.c>', POSTURE_SMTP_PORT: 'abc', POSTURE_SMTP_PASSWORD: 's3cr3t-value', POSTURE_SMTP_USER: 'u' });
    expect(r.status).toBe('invalid');
    const problems = r.status === 'invalid' ? r.problems : [];
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['POSTURE_SMTP_FROM', 'POSTURE_SMTP_PORT']);
    expect(problems.join(' ')).not.toContain('s3cr3t');
    expect(problems.join(' ')).not.toContain('Evil');
  });

  it('accepts "Name <address>" senders', () => {
    expect(smtpSettings({ ...base, POSTURE_SMTP_FROM: 'Posture Alerts <alerts@example.com>' })).toMatchObject({ settings: { from: 'Posture Alerts <alerts@example.com>' } });
  });

  it('refuses a password that would cross the network without TLS', () => {
    const r = smtpSettings({ ...base, POSTURE_SMTP_REQUIRE_TLS: 'false', POSTURE_SMTP_USER: 'posture', POSTURE_SMTP_PASSWORD: 'pw' });
    expect(r).toMatchObject({ status: 'invalid', problems: [expect.stringMatching(/^POSTURE_SMTP_REQUIRE_TLS/)] });
    expect(smtpSettings({ ...base, POSTURE_SMTP_PASSWORD: 'pw' })).toMatchObject({ status: 'invalid', problems: [expect.stringMatching(/^POSTURE_SMTP_USER/)] });
    expect(smtpSettings({ ...base, POSTURE_SMTP_USER: 'posture', POSTURE_SMTP_PASSWORD: 'pw' })).toMatchObject({ status: 'configured', settings: { requireTls: true, user: 'posture' } });
  });
});
