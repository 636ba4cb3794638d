import { z } from 'zod';
import { tlsVersions, type TlsVersionName } from '../probes/tls-scan/tls-versions';

const versionNames = tlsVersions.map((v) => v.name) as [TlsVersionName, ...TlsVersionName[]];
const version = z.enum(versionNames);
const perVersion = <T extends z.ZodType>(value: T) => z.partialRecord(version, value);

/** A stored deep TLS enumeration (TlsScanResult.result), read back before it is reused or shown. */
export const tlsScanObservationSchema = z.object({
  port: z.number().int(),
  preamble: z.enum(['postgres', 'none']),
  protocols: z.array(version),
  cipherSuites: perVersion(z.array(z.string())),
  serverOrder: perVersion(z.boolean().nullable()),
  preferredOrder: z.boolean().nullable(),
  groups: z.array(z.string()),
  dhPrimeBits: z.number().int().nullable(),
  compression: z.boolean(),
  secureRenegotiation: z.boolean().nullable(),
  connections: z.number().int(),
  complete: z.boolean(),
  incompleteReason: z.string().nullable(),
  scannedAt: z.iso.datetime(),
  fromCache: z.boolean(),
  leafSha256: z.string(),
  serverVersion: z.string().nullable(),
});
