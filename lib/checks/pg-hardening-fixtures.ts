import type { Observations } from '../probes/observations/observations';
import type { PgHardeningObservation, PgHbaRule } from '../probes/observations/postgresql';
import { failed, hardenedPostgres, healthyObservations, skipped, withData, withOutcome } from './test-fixtures';

/** Test-only builders over the hardened PostgreSQL fixture. */
export const withHardening = (patch: Partial<PgHardeningObservation>): Observations => withData('pgHardening', patch);

export const withSettings = (patch: Record<string, string | undefined>, hidden: string[] = []): Observations => {
  const settings = { ...hardenedPostgres().settings };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete settings[k];
    else settings[k] = v;
  }
  return withHardening({ settings, hiddenSettings: hidden });
};

export const hbaRule = (line: number, text: string): PgHbaRule => {
  const [type = '', db = '', user = '', ...rest] = text.split(/\s+/);
  const method = rest.at(-1) ?? '';
  const addr = type === 'local' ? null : (rest[0] ?? null);
  const [address, bits] = addr && addr.includes('/') ? addr.split('/') : [addr, null];
  const v6 = address?.includes(':') ?? false;
  const mask = bits === null || bits === undefined ? null : v6 ? v6Mask(Number(bits)) : v4Mask(Number(bits));
  return { line, type, databases: db.split(','), users: user.split(','), address: address ?? null, netmask: mask, method, error: null };
};

function v4Mask(bits: number): string {
  const n = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}

function v6Mask(bits: number): string {
  if (bits === 0) return '::';
  return Array.from({ length: 8 }, (_, i) => (Math.min(16, Math.max(0, bits - i * 16)) === 16 ? 'ffff' : '0')).join(':');
}

export const withHba = (...lines: string[]): Observations => withHardening({ hbaRules: { status: 'ok', data: lines.map((l, i) => hbaRule(i + 1, l)) } });

export const hbaDenied = (): Observations =>
  withHardening({ hbaRules: { status: 'denied', message: 'permission denied for view pg_hba_file_rules', grant: 'GRANT SELECT ON pg_catalog.pg_hba_file_rules TO posture_probe; GRANT EXECUTE ON FUNCTION pg_catalog.pg_hba_file_rules() TO posture_probe;' } });

export const withTags = (obs: Observations, tags: string[]): Observations => ({ ...obs, tags });

export const probeSkipped = (): Observations => withOutcome('pgHardening', skipped('the server offers no TLS, and Posture never sends a password without it'));
export const probeFailed = (): Observations => withOutcome('pgHardening', failed('hardening read as posture_probe failed: timeout'));
export { healthyObservations };
