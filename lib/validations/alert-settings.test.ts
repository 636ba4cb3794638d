import { describe, expect, it } from 'vitest';
import { alertSettingsSchema, defaultAlertSettings } from './alert-settings';

describe('alert settings', () => {
  it('every rule is on by default, with no extra recipients', () => {
    expect(defaultAlertSettings).toEqual({
      rules: { certExpiry: true, passwordRotation: true, backupStale: true, walFailing: true, gradeDrop: true, newCritical: true },
      securityRecipients: [],
      digestRecipients: [],
    });
  });

  it('addresses are trimmed, lower-cased and deduplicated; rules left out stay on', () => {
    const s = alertSettingsSchema.parse({ rules: { gradeDrop: false }, securityRecipients: [' Sec@Example.COM', 'sec@example.com'], digestRecipients: ['Ops@Example.com'] });
    expect(s.rules).toMatchObject({ gradeDrop: false, certExpiry: true });
    expect(s.securityRecipients).toEqual(['sec@example.com']);
    expect(s.digestRecipients).toEqual(['ops@example.com']);
  });

  it('refuses header injection, non-addresses, unknown keys and more than 50 security addresses', () => {
    const paths = (v: unknown) => alertSettingsSchema.safeParse(v).error?.issues.map((i) => i.path.join('.'));
    expect(paths({ securityRecipients: ['ok@example.com', 'a@example.com\r\nBcc: x@evil.example'] })).toEqual(['securityRecipients.1']);
    expect(paths({ digestRecipients: ['not an address'] })).toEqual(['digestRecipients.0']);
    expect(paths({ rules: { nope: true } })).toEqual(['rules']);
    expect(paths({ securityRecipients: Array.from({ length: 51 }, (_, i) => `s${i}@example.com`) })).toEqual(['securityRecipients']);
  });
});
