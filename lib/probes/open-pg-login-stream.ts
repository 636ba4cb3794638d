import type { NetworkPolicy } from '../network/network-policy';
import { CredentialWithheldError } from './credential-withheld-error';
import { pgBackendGuard } from './pg-backend-guard';
import { PgLoginStream } from './pg-login-stream';
import { sslRequest } from './pg-wire';
import { connectTcp } from './socket-io';
import { ExactReader } from './exact-reader';
import { tlsHandshake } from './tls-handshake';
import { judgeTlsTrust, trustConnectOptions, type TlsTrust } from './tls-trust';

export interface PgLoginStreamInput {
  host: string;
  port: number;
  trust: TlsTrust;
  /** an admin allowed SCRAM over plaintext for this target: without TLS the stream still opens, SCRAM only */
  allowPlaintext: boolean;
  connectTimeoutMs: number;
  signal?: AbortSignal;
  network?: NetworkPolicy;
}

/**
 * Opens the connection a probe login runs over: SSLRequest, a TLS handshake, and proof of the server (CA bundle or
 * system roots and the expected name, or the admin's pin) before anything is handed to node-postgres. A server that
 * does not prove itself gets no credential: CredentialWithheldError, raised before a StartupMessage is even sent.
 */
export async function openPgLoginStream(input: PgLoginStreamInput): Promise<PgLoginStream> {
  const raw = await connectTcp(input.host, input.port, input.connectTimeoutMs, input.signal, input.network);
  let answer: string;
  try {
    const reader = new ExactReader(raw);
    raw.write(sslRequest());
    answer = String.fromCharCode((await reader.read(1, input.connectTimeoutMs))[0]!);
    // An 'S' followed by more bytes before our ClientHello is a server trying to inject into the session.
    if (reader.detach().length > 0) throw new Error('the server sent data before the TLS handshake');
  } catch (e) {
    raw.destroy();
    throw e;
  }
  if (answer === 'S') {
    const s = await tlsHandshake(raw, trustConnectOptions(input.trust), input.connectTimeoutMs, input.signal);
    const verdict = judgeTlsTrust(s, input.trust);
    if (!verdict.verified) {
      s.destroy();
      throw new CredentialWithheldError(verdict.reason, verdict.spkiSha256);
    }
    return new PgLoginStream(s, pgBackendGuard({ verified: true }));
  }
  if (answer === 'N' && input.allowPlaintext) return new PgLoginStream(raw, pgBackendGuard({ verified: false }));
  raw.destroy();
  throw new CredentialWithheldError(answer === 'N' ? 'the server offers no TLS on this connection' : `the server answered SSLRequest with ${JSON.stringify(answer)}`);
}
