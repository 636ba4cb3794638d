import { afterEach, describe, expect, it } from 'vitest';
import { smtpVariables, variable, variableSchemas } from './env';

const names = ['POSTURE_SCAN_CONCURRENCY', 'POSTURE_CONNECT_TIMEOUT_SECONDS', 'POSTURE_DIGEST_CRON', 'POSTURE_KUBECONFIG', 'POSTURE_SMTP_HOST'] as const;
const saved = Object.fromEntries(names.map((n) => [n, process.env[n]]));

afterEach(() => {
  for (const n of names) {
    if (saved[n] === undefined) delete process.env[n];
    else process.env[n] = saved[n];
  }
});

describe('variables read through lib/env.ts', () => {
  it('an unset or empty variable takes its documented default, or is absent', () => {
    for (const value of [undefined, '', '   ']) {
      if (value === undefined) delete process.env.POSTURE_SCAN_CONCURRENCY;
      else process.env.POSTURE_SCAN_CONCURRENCY = value;
      process.env.POSTURE_DIGEST_CRON = value ?? '';
      process.env.POSTURE_KUBECONFIG = value ?? '';
      expect(variable('POSTURE_SCAN_CONCURRENCY')).toBe(8);
      expect(variable('POSTURE_DIGEST_CRON')).toBe('0 7 * * *');
      expect(variable('POSTURE_KUBECONFIG')).toBeUndefined();
    }
  });

  it('is read at each use, so a changed variable needs no restart', () => {
    process.env.POSTURE_CONNECT_TIMEOUT_SECONDS = '2.5';
    expect(variable('POSTURE_CONNECT_TIMEOUT_SECONDS')).toBe(2.5);
    process.env.POSTURE_CONNECT_TIMEOUT_SECONDS = '15';
    expect(variable('POSTURE_CONNECT_TIMEOUT_SECONDS')).toBe(15);
  });

  it('a bad value stops with the variable name and what is wrong, never the value', () => {
    for (const [name, value] of [['POSTURE_SCAN_CONCURRENCY', 'lots-of-secret-9f1c'], ['POSTURE_CONNECT_TIMEOUT_SECONDS', '-3']] as const) {
      process.env[name] = value;
      const error = (() => {
        try {
          variable(name);
          return null;
        } catch (e) {
          return e instanceof Error ? e.message : String(e);
        }
      })();
      expect(error).toMatch(new RegExp(`^Invalid environment:\\n  ${name}: `));
      expect(error).not.toContain(value);
    }
  });

  it('the SMTP block is the POSTURE_SMTP_* variables that are set, and every variable here has a documented name', () => {
    process.env.POSTURE_SMTP_HOST = 'mail.example.internal';
    expect(smtpVariables()).toMatchObject({ POSTURE_SMTP_HOST: 'mail.example.internal' });
    process.env.POSTURE_SMTP_HOST = '';
    expect(smtpVariables()).not.toHaveProperty('POSTURE_SMTP_HOST');
    for (const name of Object.keys(variableSchemas)) expect(name).toMatch(/^(POSTURE_|NEXTAUTH_URL$|DATABASE_URL$|KUBERNETES_SERVICE_HOST$|NODE_ENV$)/);
  });
});
