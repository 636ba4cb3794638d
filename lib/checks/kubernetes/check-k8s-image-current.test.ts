import { describe, expect, it } from 'vitest';
import { k8sImageCurrentCheck as check } from './check-k8s-image-current';
import { noPods, withContainers } from '../../../tests/fixtures/k8s-test-fixtures';
import { postgresImageVersion } from '../postgresql/postgres-image-version';
import { postgresVersions } from '../postgresql/postgres-versions';
import { failed, healthyObservations, skipped, withOutcome } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

// The fixtures' clock is 2026-11-23: PostgreSQL 14 ended on 2026-11-12, 15 ends on 2027-11-11.
describeVerdicts(check, [
  { name: 'postgres:17-alpine', obs: healthyObservations(), status: 'pass', summary: /^postgres:17-alpine: PostgreSQL 17, supported until 2029-11-08$/ },
  { name: 'CloudNativePG image at the latest minor', obs: withContainers({ image: 'ghcr.io/cloudnative-pg/postgresql:17.10-bookworm' }), status: 'pass' },
  { name: 'PostgreSQL 14, just past end of life', obs: withContainers({ image: 'postgres:14.19' }), status: 'fail', summary: /^postgres:14\.19: PostgreSQL 14 reached end of life on 2026-11-12$/ },
  { name: 'PostgreSQL 9.6', obs: withContainers({ image: 'docker.io/library/postgres:9.6-alpine' }), status: 'fail', summary: /long past end of life/ },
  { name: 'spilo-13', obs: withContainers({ image: 'ghcr.io/zalando/spilo-13:2.1-p9' }), status: 'fail', summary: /PostgreSQL 13 reached end of life on 2025-11-13/ },
  { name: 'behind the latest minor', obs: withContainers({ image: 'postgres:17.2' }), status: 'warn', summary: /behind the latest minor release: postgres:17\.2 \(latest 17\.10\)/ },
  { name: 'ends within 180 days', obs: { ...withContainers({ image: 'postgres:15' }), now: '2027-07-01T00:00:00.000Z' }, status: 'warn', summary: /reaches end of life on 2027-11-11 \(133 days\)/ },
  { name: 'latest tag', obs: withContainers({ image: 'postgres:latest' }), status: 'warn', summary: /cannot tell the major version of postgres:latest/ },
  { name: 'no PostgreSQL image', obs: withContainers({ image: 'registry.example.com/team/db:1.2' }), status: 'warn', summary: /no container runs a known PostgreSQL image/ },
  { name: 'exporter sidecar is ignored', obs: withContainers({}, { name: 'exporter', image: 'quay.io/prometheuscommunity/postgres-exporter:v0.15.0' }), status: 'pass' },
  { name: 'no pods', obs: noPods(), status: 'error' },
  { name: 'skipped', obs: withOutcome('k8sWorkload', skipped('no refs')), status: 'skip' },
  { name: 'API error', obs: withOutcome('k8sWorkload', failed('timeout')), status: 'error' },
]);

describe('postgresImageVersion', () => {
  it.each([
    ['postgres:17-alpine', { major: 17, minor: null }],
    ['postgres:16.4', { major: 16, minor: 4 }],
    ['ghcr.io/cloudnative-pg/postgresql:16.4-bookworm', { major: 16, minor: 4 }],
    ['registry.developers.crunchydata.com/crunchydata/crunchy-postgres:ubi8-15.5-0', { major: 15, minor: 5 }],
    ['postgis/postgis:16-3.4', { major: 16, minor: null }],
    ['ghcr.io/zalando/spilo-16:3.3-p1', { major: 16, minor: null }],
    ['localhost:5000/postgres:18.1', { major: 18, minor: 1 }],
  ])('%s', (image, expected) => {
    expect(postgresImageVersion(image)).toMatchObject(expected);
  });

  it('gives nothing for latest, a digest or no tag', () => {
    expect(postgresImageVersion('postgres:latest')).toBeNull();
    expect(postgresImageVersion('postgres@sha256:abc')).toBeNull();
    expect(postgresImageVersion('postgres')).toBeNull();
  });
});

describe('the PostgreSQL version table', () => {
  it('is dated and ordered newest first, each major ending about five years after release', () => {
    expect(postgresVersions.reviewedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const majors = postgresVersions.majors.map((m) => m.major);
    expect(majors).toEqual([...majors].sort((a, b) => b - a));
    for (const m of postgresVersions.majors) {
      const years = (Date.parse(m.endOfLife) - Date.parse(m.released)) / (365.25 * 86_400_000);
      expect(years, `PostgreSQL ${m.major}`).toBeGreaterThan(4.9);
      expect(years, `PostgreSQL ${m.major}`).toBeLessThan(5.3);
    }
  });
});
