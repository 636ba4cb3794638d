import net from 'node:net';
import tls, { type TLSSocket } from 'node:tls';
import type { TlsHandshake } from './observations/transport';
import { connectTcp } from './socket-io';
import { tlsHandshake } from './tls-handshake';
import { trustConnectOptions, type TlsTrust } from './tls-trust';

export interface OpenTlsInput {
  host: string;
  port: number;
  connectTimeoutMs: number;
  signal?: AbortSignal;
  /** a client certificate and key (PEM), for listeners that require one */
  clientCert?: { certPem: string; keyPem: string } | null;
  alpn?: string[];
  /** lets OpenSSL judge the chain and name (socket.authorized) without refusing the handshake; see judgeTlsTrust */
  trust?: TlsTrust;
}

const toPem = (der: Buffer) => `-----BEGIN CERTIFICATE-----\n${der.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;

/** The served chain, leaf first, following issuer links (the root only when the server sends it). */
export function servedChain(socket: TLSSocket): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  let cert = socket.getPeerCertificate(true);
  while (cert && cert.raw && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    out.push(toPem(cert.raw));
    if (!cert.issuerCertificate || cert.issuerCertificate === cert) break;
    cert = cert.issuerCertificate;
  }
  return out;
}

export function describeHandshake(socket: TLSSocket): TlsHandshake {
  return { protocol: socket.getProtocol(), cipher: socket.getCipher()?.name ?? null, alpn: socket.alpnProtocol || null, chainPem: servedChain(socket) };
}

/**
 * Dials with connectTcp (so every connection goes through one place) and completes a TLS handshake over it.
 * Trust is not enforced here: the served chain is captured and judged by the certificate checks.
 */
export async function openTls(input: OpenTlsInput): Promise<TLSSocket> {
  const raw = await connectTcp(input.host, input.port, input.connectTimeoutMs, input.signal);
  const options: tls.ConnectionOptions = {
    servername: net.isIP(input.host) ? undefined : input.host,
    ...(input.trust ? trustConnectOptions(input.trust) : {}),
    ...(input.clientCert ? { cert: input.clientCert.certPem, key: input.clientCert.keyPem } : {}),
    ...(input.alpn ? { ALPNProtocols: input.alpn } : {}),
  };
  return tlsHandshake(raw, options, input.connectTimeoutMs, input.signal);
}

/** A handshake as an observation: what was negotiated and served, or why it failed. */
export async function observeTls(input: OpenTlsInput): Promise<{ handshake: TlsHandshake | null; error: string | null }> {
  try {
    const s = await openTls(input);
    const handshake = describeHandshake(s);
    s.destroy();
    return { handshake, error: null };
  } catch (e) {
    return { handshake: null, error: e instanceof Error ? e.message : String(e) };
  }
}
