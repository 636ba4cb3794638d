import { RE2JS } from 're2js';
import type { PgHbaRule } from '../../../probes/observations/postgresql';

/** TCP rule types: every type but local. */
export const isHostRule = (r: PgHbaRule) => r.type !== 'local';

const ipv4Loopback = (a: string, m: string | null) => a.startsWith('127.') && (m === null || m.startsWith('255.'));
const ipv6Loopback = (a: string, m: string | null) => (a === '::1' && (m === null || /^ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff$/i.test(m)));

/**
 * Who a rule can admit: local (Unix socket), loopback (this host only), any (every IPv4 or IPv6 address) or
 * network (a narrower range, samenet, or a host name).
 */
export function hbaReach(r: PgHbaRule): 'local' | 'loopback' | 'any' | 'network' {
  if (r.type === 'local' || r.address === null) return 'local';
  const a = r.address.toLowerCase();
  if (a === 'samehost' || ipv4Loopback(a, r.netmask) || ipv6Loopback(a, r.netmask)) return 'loopback';
  if (a === 'all' || (a === '0.0.0.0' && r.netmask === '0.0.0.0') || (a === '::' && (r.netmask === '::' || r.netmask === '0:0:0:0:0:0:0:0'))) return 'any';
  return 'network';
}

/** The rule as it reads in pg_hba.conf, prefixed with its line number. */
export function hbaLine(r: PgHbaRule): string {
  const mask = r.address !== null && r.netmask !== null ? `${r.address}/${maskBits(r.netmask)}` : (r.address ?? '');
  return `line ${r.line}: ${[r.type, r.databases.join(','), r.users.join(','), mask, r.method].filter((p) => p !== '').join(' ')}`;
}

function maskBits(mask: string): string {
  const parts = mask.includes(':') ? mask.split(':').map((h) => parseInt(h || '0', 16).toString(2)) : mask.split('.').map((o) => Number(o).toString(2));
  const bits = parts.join('').split('').filter((b) => b === '1').length;
  return String(bits);
}

/**
 * Whether the rule's user column admits the role: all, its name, +group for a group it belongs to (or is), or a
 * /regex (one that cannot be evaluated counts as admitting). Membership is the server's pg_auth_members; superuser status does not make a role a group member.
 */
export function hbaAdmitsRole(r: PgHbaRule, role: { name: string; memberOf: string[] }): boolean {
  return r.users.some((u) => {
    if (u === 'all' || u === role.name) return true;
    if (u.startsWith('+')) return u.slice(1) === role.name || role.memberOf.includes(u.slice(1));
    if (u.startsWith('/')) {
      // The pattern is the target's own: RE2 matches in linear time, where a JS RegExp like (a+)+$ would stall the
      // worker. One RE2 cannot run (a backreference, which PostgreSQL allows) is taken to admit: a finding, not a miss.
      try {
        return RE2JS.compile(u.slice(1)).test(role.name);
      } catch {
        return true;
      }
    }
    return false;
  });
}
