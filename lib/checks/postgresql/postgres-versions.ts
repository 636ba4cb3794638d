/**
 * PostgreSQL major versions and their end of life, shipped with Posture so version checks work offline.
 * To update: add the new major, bump the latest minors, move `reviewedOn`. Source: https://www.postgresql.org/support/versioning/
 * latestMinor is the newest release this table knows; a newer one upstream only makes the minor warning lenient.
 */
export const postgresVersions = {
  reviewedOn: '2026-11-26',
  majors: [
    { major: 18, released: '2025-09-25', endOfLife: '2030-11-14', latestMinor: 4 },
    { major: 17, released: '2024-09-26', endOfLife: '2029-11-08', latestMinor: 10 },
    { major: 16, released: '2023-09-14', endOfLife: '2028-11-09', latestMinor: 14 },
    { major: 15, released: '2022-10-13', endOfLife: '2027-11-11', latestMinor: 18 },
    { major: 14, released: '2021-09-30', endOfLife: '2026-11-12', latestMinor: 23 },
    { major: 13, released: '2020-09-24', endOfLife: '2025-11-13', latestMinor: 23 },
    { major: 12, released: '2019-10-03', endOfLife: '2024-11-21', latestMinor: 22 },
    { major: 11, released: '2018-10-18', endOfLife: '2023-11-09', latestMinor: 22 },
    { major: 10, released: '2017-10-05', endOfLife: '2022-11-10', latestMinor: 23 },
  ],
} as const;

export type PostgresMajor = (typeof postgresVersions.majors)[number];

export function postgresMajor(major: number): PostgresMajor | null {
  return postgresVersions.majors.find((m) => m.major === major) ?? null;
}
