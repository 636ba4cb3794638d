import { describe, expect, it } from 'vitest';
import { alertAddresses } from './enqueue-alerts';
import { ownerAddress } from './owner-address';

const teams = [{ team: 'Payments', email: 'payments-oncall@example.com' }];

describe('who an alert email goes to', () => {
  it('the owner email is addressed and the security list copied, without the owner twice', () => {
    expect(alertAddresses({ ownerEmail: ' Owner@Example.com', ownerTeam: 'payments', securityRecipients: ['sec@example.com', 'owner@example.com'], teamAddresses: teams })).toEqual({
      to: ['owner@example.com'],
      cc: ['sec@example.com'],
    });
  });

  it("without an owner email, the owner team's address (matched ignoring case and spaces) stands in", () => {
    expect(ownerAddress({ ownerEmail: null, ownerTeam: ' PAYMENTS ' }, teams)).toEqual({ email: 'payments-oncall@example.com', source: 'team' });
    expect(alertAddresses({ ownerEmail: '', ownerTeam: 'payments', securityRecipients: ['sec@example.com'], teamAddresses: teams })).toEqual({ to: ['payments-oncall@example.com'], cc: ['sec@example.com'] });
  });

  it('with no owner address at all, the security list is addressed; an injected or listed owner email counts as none', () => {
    expect(alertAddresses({ ownerEmail: null, ownerTeam: 'billing', securityRecipients: ['sec@example.com'], teamAddresses: teams })).toEqual({ to: ['sec@example.com'], cc: [] });
    expect(ownerAddress({ ownerEmail: 'a@example.com\r\nBcc: x@evil.example', ownerTeam: null }, teams)).toBeNull();
    expect(ownerAddress({ ownerEmail: 'a@example.com, b@example.com', ownerTeam: 'payments' }, teams)?.source).toBe('team');
    expect(alertAddresses({ ownerEmail: null, ownerTeam: null, securityRecipients: [], teamAddresses: teams })).toEqual({ to: [], cc: [] });
  });
});
