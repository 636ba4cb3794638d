export interface ImageVersion {
  major: number;
  minor: number | null;
  /** where the version was read: the tag, or the image name (spilo-16) */
  from: 'tag' | 'name';
}

const postgresRepo = /(^|\/)(postgres|postgresql|postgis|timescaledb(-ha)?|crunchy-postgres(-gis)?|spilo-\d+)$/;

/** Whether the image is a PostgreSQL server image, by its repository name. */
export function isPostgresImage(image: string): boolean {
  return postgresRepo.test(imageRepository(image));
}

/** The image reference without tag or digest: ghcr.io/cloudnative-pg/postgresql:16.4@sha256:… → ghcr.io/cloudnative-pg/postgresql. */
export function imageRepository(image: string): string {
  const noDigest = image.split('@')[0]!;
  const lastSlash = noDigest.lastIndexOf('/');
  const colon = noDigest.indexOf(':', lastSlash + 1);
  return colon === -1 ? noDigest : noDigest.slice(0, colon);
}

function tagOf(image: string): string | null {
  const noDigest = image.split('@')[0]!;
  const lastSlash = noDigest.lastIndexOf('/');
  const colon = noDigest.indexOf(':', lastSlash + 1);
  return colon === -1 ? null : noDigest.slice(colon + 1);
}

/**
 * The PostgreSQL version an image tag promises: postgres:17-alpine, postgres:16.4, cloudnative-pg/postgresql:16.4-bookworm,
 * crunchy-postgres:ubi8-15.5-0, postgis/postgis:16-3.4, spilo-16:3.3-p1. Null for latest, digests and other tags.
 */
export function postgresImageVersion(image: string): ImageVersion | null {
  const repo = imageRepository(image);
  const spilo = /spilo-(\d+)$/.exec(repo);
  if (spilo) return { major: Number(spilo[1]), minor: null, from: 'name' };
  const tag = tagOf(image);
  if (!tag) return null;
  const crunchy = /(?:^|-)(\d{2})\.(\d+)(?:-\d+)?$/.exec(tag);
  if (/crunchy-postgres/.test(repo) && crunchy) return { major: Number(crunchy[1]), minor: Number(crunchy[2]), from: 'tag' };
  const m = /^(\d{1,2})(?:\.(\d+))?(?:[-_.].*)?$/.exec(tag);
  if (!m) return null;
  const major = Number(m[1]);
  // Before 10 a major was two numbers (9.6); those are long out of support either way.
  if (major < 10) return { major, minor: null, from: 'tag' };
  return { major, minor: m[2] !== undefined ? Number(m[2]) : null, from: 'tag' };
}
