import { describe, expect, it } from 'vitest';
import { alertSettingsSchema, defaultAlertSettings } from './alert-settings';

describe('alert settings', () => {
  it('every rule is on by default, with no extra recipients', () => {
    expect(defaultAlertSettings).toEqual({
      rules: { certExpiry: true, passwordRotation: true, backupStale: true, walFailing: true, gradeDrop: true, newCritical: true },
      securityRecipients: [],
      digestRecipients: [],
      teamAddresses: [],
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

  it('team addresses: trimmed, address lower-cased; a team listed twice (ignoring case), an empty team or a non-address is refused', () => {
    expect(alertSettingsSchema.parse({ teamAddresses: [{ team: ' Payments ', email: 'Pay@Example.com' }] }).teamAddresses).toEqual([{ team: 'Payments', email: 'pay@example.com' }]);
    const issues = (v: unknown) => alertSettingsSchema.safeParse(v).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues({ teamAddresses: [{ team: 'payments', email: 'a@example.com' }, { team: 'PAYMENTS', email: 'b@example.com' }] })).toEqual([['teamAddresses.1.team', 'team PAYMENTS is listed twice']]);
    expect(issues({ teamAddresses: [{ team: ' ', email: 'a@example.com' }] })).toEqual([['teamAddresses.0.team', 'team must not be empty']]);
    expect(issues({ teamAddresses: [{ team: 'ops', email: 'ops@example.com\r\nBcc: x@evil.example' }] })).toEqual([['teamAddresses.0.email', 'must be an email address']]);
  });
});
