import fc from 'fast-check';
import { db } from '../../lib/db';

/** One seed for every fuzz file, overridable to replay: FUZZ_SEED=123 npx vitest run tests/fuzz. fast-check prints it on failure. */
export const fuzzSeed = Number(process.env.FUZZ_SEED ?? 20260901);

export const fuzzRuns = (n: number) => ({ numRuns: Number(process.env.FUZZ_RUNS ?? n), seed: fuzzSeed, endOnFailure: true });

/** Row counts of every table a request could write; a 4xx must leave all of them as they were. */
export async function rowCounts(): Promise<Record<string, number>> {
  const rows = await db.$queryRaw<{ t: string; n: number }[]>`
    SELECT 'Target' AS t, count(*)::int AS n FROM "Target"
    UNION ALL SELECT 'Credential', count(*)::int FROM "Credential"
    UNION ALL SELECT 'Scan', count(*)::int FROM "Scan"
    UNION ALL SELECT 'AuditLog', count(*)::int FROM "AuditLog"
    UNION ALL SELECT 'Setting', count(*)::int FROM "Setting"
    UNION ALL SELECT 'Exception', count(*)::int FROM "Exception"
    UNION ALL SELECT 'Outbox', count(*)::int FROM "Outbox"
    UNION ALL SELECT 'ApiToken', count(*)::int FROM "ApiToken"
    UNION ALL SELECT 'CheckState', count(*)::int FROM "CheckState"`;
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

/** Strings that tend to break parsers: control characters, huge numbers, prototype keys, SQL and path fragments. */
export const nastyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '', ' ', '\u0000', '__proto__', 'constructor', "'; DROP TABLE \"Target\"; --", '../../etc/passwd', 'NaN', 'Infinity', '-1', '0',
    '1e309', '99999999999999999999', '2026-02-30', 'true', 'null', '[]', '{}', '%00', '\uFFFF', 'a'.repeat(5000), '169.254.169.254',
    'postgresql://u:p@h/db', '--json', 'A+', 'F', 'pst_' + 'A'.repeat(43),
  ),
);

/** Arbitrary JSON values, with the nasty strings mixed in as keys and leaves. */
export const nastyJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(nastyString, fc.double(), fc.integer(), fc.boolean(), fc.constant(null)),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(nastyString, tie('value'), { maxKeys: 5 }),
  ),
})).value;
