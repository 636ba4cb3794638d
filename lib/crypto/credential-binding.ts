import 'server-only';
import { createHash } from 'node:crypto';
import type { SecretBinding } from './envelope';

/** Who a credential may be sent to: the address, the protocol, the name the certificate must carry and the anchors that vouch for it. */
export interface CredentialEndpoint {
  engine: string;
  host: string;
  port: number;
  tlsServerName: string | null;
  caPem: string | null;
}

export const endpointFields = ['engine', 'host', 'port', 'tlsServerName', 'caPem'] as const;
export type EndpointField = (typeof endpointFields)[number];

const normalised = (e: CredentialEndpoint) => ({
  engine: e.engine,
  host: e.host.trim().toLowerCase(),
  port: e.port,
  tlsServerName: e.tlsServerName?.trim().toLowerCase() || null,
  caPem: e.caPem?.trim() ? createHash('sha256').update(e.caPem.trim()).digest('hex') : null,
});

/** The AAD a target's stored password is sealed under: it opens only for this target at this endpoint. */
export function credentialBinding(targetId: string, endpoint: CredentialEndpoint): SecretBinding {
  const n = normalised(endpoint);
  return { kind: 'target-credential', rowId: targetId, field: 'password', context: JSON.stringify([n.engine, n.host, n.port, n.tlsServerName, n.caPem]) };
}

/** The endpoint fields that differ between two states of a target; any one of them unbinds its credential. */
export function changedEndpointFields(before: CredentialEndpoint, after: CredentialEndpoint): EndpointField[] {
  const a = normalised(before);
  const b = normalised(after);
  return endpointFields.filter((f) => a[f] !== b[f]);
}
