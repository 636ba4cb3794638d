import { formatBytes, PG_PRELOGIN_MAX_MESSAGE_BYTES } from './byte-limits';
import type { ExactReader } from './exact-reader';
import type { PgAuthMethod } from './observations/postgresql';
import { WireLimitError } from './wire-limit-error';

const SSL_REQUEST_CODE = 80877103;
const PROTOCOL_3_0 = 196608;

export function sslRequest(): Buffer {
  const b = Buffer.alloc(8);
  b.writeInt32BE(8, 0);
  b.writeInt32BE(SSL_REQUEST_CODE, 4);
  return b;
}

export function startupMessage(params: Record<string, string>): Buffer {
  const body = Buffer.concat([
    ...Object.entries(params).flatMap(([k, v]) => [Buffer.from(k + '\0'), Buffer.from(v + '\0')]),
    Buffer.from('\0'),
  ]);
  const head = Buffer.alloc(8);
  head.writeInt32BE(8 + body.length, 0);
  head.writeInt32BE(PROTOCOL_3_0, 4);
  return Buffer.concat([head, body]);
}

export interface BackendMessage {
  type: string;
  body: Buffer;
}

/** Reads one pre-login backend message (type byte + length-prefixed body); a length over the cap fails at once. */
export async function readMessage(reader: ExactReader, timeoutMs: number): Promise<BackendMessage> {
  const deadline = Date.now() + timeoutMs;
  const head = await reader.read(5, timeoutMs, 'PostgreSQL message');
  const length = head.readUInt32BE(1);
  if (length < 4) throw new Error(`malformed PostgreSQL message (length ${length})`);
  if (length - 4 > PG_PRELOGIN_MAX_MESSAGE_BYTES) {
    throw new WireLimitError(`the server sent a ${length}-byte PostgreSQL message; Posture reads at most ${formatBytes(PG_PRELOGIN_MAX_MESSAGE_BYTES)} before login`);
  }
  return { type: String.fromCharCode(head[0]!), body: await reader.read(length - 4, deadline - Date.now(), 'PostgreSQL message') };
}

/** ErrorResponse fields: S severity, C SQLSTATE, M message. */
export function parseErrorFields(body: Buffer): Record<string, string> {
  const fields: Record<string, string> = {};
  let i = 0;
  while (i < body.length && body[i] !== 0) {
    const code = String.fromCharCode(body[i]!);
    const end = body.indexOf(0, i + 1);
    fields[code] = body.subarray(i + 1, end).toString('utf8');
    i = end + 1;
  }
  return fields;
}

/** Maps an AuthenticationRequest to the method the server offered. */
export function authMethod(body: Buffer): { method: PgAuthMethod; ok: boolean } {
  const code = body.readInt32BE(0);
  switch (code) {
    case 0:
      return { method: 'trust', ok: true };
    case 3:
      return { method: 'cleartext', ok: false };
    case 5:
      return { method: 'md5', ok: false };
    case 7:
      return { method: 'gss', ok: false };
    case 9:
      return { method: 'sspi', ok: false };
    case 10:
      return { method: body.includes('SCRAM-SHA-256') ? 'scram-sha-256' : 'other', ok: false };
    default:
      return { method: 'other', ok: false };
  }
}
