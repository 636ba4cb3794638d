import { z } from 'zod';

/** A pinned leaf key: base64 SHA-256 of its SubjectPublicKeyInfo (44 characters), as `openssl … | base64` prints it. */
export const spkiPinSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be a base64 SHA-256 of the certificate key (44 characters ending in =)')
  .meta({ description: "base64 SHA-256 of the leaf certificate's SubjectPublicKeyInfo", example: 'Xb4H0qg1eQGhX9X3a6c2q8tM0KJ3u7c0qv0t5Yy1YzM=' });

export const pinCertificateSchema = z.object({ spkiSha256: spkiPinSchema }).strict();
export type PinCertificateInput = z.input<typeof pinCertificateSchema>;
