import { z } from 'zod';
import { isoDateTime } from './common-schemas';

export const tlsScanSchema = z
  .object({
    port: z.int().meta({ description: 'the TLS listener enumerated (PostgreSQL: its port, through SSLRequest)' }),
    protocols: z.array(z.string()).meta({ description: 'accepted protocol versions, e.g. TLSv1.2, TLSv1.3' }),
    cipherSuites: z.record(z.string(), z.array(z.string())).meta({ description: 'per protocol, the accepted suites (OpenSSL names, as sslscan prints them) in the order the server picked them' }),
    groups: z.array(z.string()).meta({ description: 'key-exchange groups the server accepts (x25519, secp256r1, ffdhe2048, X25519MLKEM768, …)' }),
    preferredOrder: z.boolean().nullable().meta({ description: 'true when the server imposes its own suite order; null when no protocol has two suites' }),
    serverOrder: z.record(z.string(), z.boolean().nullable()),
    dhPrimeBits: z.int().nullable().meta({ description: 'the DHE prime size under TLS ≤ 1.2; null when no DHE suite is accepted' }),
    compression: z.boolean(),
    secureRenegotiation: z.boolean().nullable().meta({ description: 'RFC 5746 renegotiation_info seen under TLS ≤ 1.2' }),
    connections: z.int().min(0).meta({ description: 'connections the enumeration opened' }),
    complete: z.boolean(),
    scannedAt: isoDateTime.meta({ description: 'when the enumeration ran; it is reused for a week while the leaf certificate and server version stay the same' }),
    leafSha256: z.string().meta({ description: 'SHA-256 fingerprint of the leaf certificate it was enumerated with' }),
  })
  .meta({ id: 'TlsScan', description: "the last complete deep TLS enumeration of the database's TLS listener" });
