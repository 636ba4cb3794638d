import { z } from 'zod';

const address = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254));

/** One valid address, lower-cased, or null for anything else (empty, a list, a header injection). */
export function normalizedAddress(raw: string | null | undefined): string | null {
  const parsed = address.safeParse(raw ?? '');
  return parsed.success ? parsed.data : null;
}

export interface OwnerAddress {
  email: string;
  /** owner: the target's own ownerEmail; team: the address the settings give its ownerTeam */
  source: 'owner' | 'team';
}

/** Who owns a target, by address: its ownerEmail, else its team's address from the alert settings, else nobody. */
export function ownerAddress(
  target: { ownerEmail: string | null; ownerTeam: string | null },
  teamAddresses: readonly { team: string; email: string }[],
): OwnerAddress | null {
  const own = normalizedAddress(target.ownerEmail);
  if (own) return { email: own, source: 'owner' };
  const team = target.ownerTeam?.trim().toLowerCase();
  if (!team) return null;
  const entry = teamAddresses.find((t) => t.team.trim().toLowerCase() === team);
  const email = normalizedAddress(entry?.email);
  return email ? { email, source: 'team' } : null;
}
