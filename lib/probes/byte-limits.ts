// The most Posture reads from a target. A server past a limit is hostile or broken: the probe reports an error
// naming the limit, and Posture's memory and CPU stay bounded however many such targets a worker scans at once.

export const KiB = 1024;
export const MiB = 1024 * KiB;

/** Everything one probe may receive over all its connections (a healthy target sends a few KiB, a big catalogue under 1 MiB). */
export const PROBE_BYTE_BUDGET = 8 * MiB;
/** The largest single frame, message or reply any reader accepts. */
export const MAX_FRAME_BYTES = 1 * MiB;
/** How much a reader holds ahead of what it was asked for before it pauses the stream (TCP then holds the sender back). */
export const READ_AHEAD_BYTES = 64 * KiB;

export const RESP_MAX_LINE_BYTES = 64 * KiB;
export const RESP_MAX_BULK_BYTES = MAX_FRAME_BYTES;
export const RESP_MAX_REPLY_BYTES = MAX_FRAME_BYTES;
export const RESP_MAX_ARRAY_ITEMS = 65_536;
export const RESP_MAX_DEPTH = 16;
/** Messages before login (SSLRequest answer, authentication request, ErrorResponse) are small. */
export const PG_PRELOGIN_MAX_MESSAGE_BYTES = 64 * KiB;
/** RabbitMQ's default frame_max; the frames read before Connection.Tune must fit 4 KiB by the AMQP spec. */
export const AMQP_MAX_FRAME_BYTES = 128 * KiB;
export const AMQP_MAX_TABLE_DEPTH = 16;
export const PGBACKREST_MAX_GREETING_BYTES = 4 * KiB;
/** The first answer of a plaintext port: enough to recognise any protocol's greeting. */
export const PLAINTEXT_ANSWER_BYTES = 4 * KiB;
export const HTTP_MAX_HEADER_BYTES = 16 * KiB;
export const HTTP_MAX_BODY_BYTES = 64 * KiB;

/** 1048576 → "1 MiB", 4096 → "4 KiB", 100 → "100 bytes". */
export function formatBytes(n: number): string {
  if (n >= MiB && n % MiB === 0) return `${n / MiB} MiB`;
  if (n >= KiB && n % KiB === 0) return `${n / KiB} KiB`;
  return `${n} bytes`;
}
