import { formatBytes, MAX_FRAME_BYTES } from './byte-limits';

const AUTH_CLEARTEXT = 3;
const AUTH_MD5 = 5;

/**
 * Watches the backend messages streaming to node-postgres, reading only headers, and stops the session before the
 * client could answer what it must not: a cleartext or md5 password request on a connection whose server was not
 * verified, or a message larger than any probe reads (the probe's byte budget bounds the total). Returns an error
 * to end the session.
 */
export function pgBackendGuard(opts: { verified: boolean; maxMessageBytes?: number }): (chunk: Buffer) => Error | null {
  const maxMessage = opts.maxMessageBytes ?? MAX_FRAME_BYTES;
  const header = Buffer.alloc(9);
  let have = 0;
  let skip = 0;
  const need = () => (have >= 1 && header[0] === 0x52 ? 9 : 5); // 'R' messages carry their request code after the length
  return (chunk) => {
    let i = 0;
    while (i < chunk.length) {
      if (skip > 0) {
        const n = Math.min(skip, chunk.length - i);
        skip -= n;
        i += n;
        continue;
      }
      const n = Math.min(need() - have, chunk.length - i);
      chunk.copy(header, have, i, i + n);
      have += n;
      i += n;
      const want = need();
      if (have < want) continue;
      const length = header.readInt32BE(1);
      if (length < want - 1) return new Error(`the server sent bytes that are not PostgreSQL messages (a message of length ${length})`);
      if (length > maxMessage) return new Error(`the server announced a ${length}-byte message; Posture reads at most ${formatBytes(maxMessage)}`);
      if (header[0] === 0x52 && !opts.verified) {
        const code = header.readInt32BE(5);
        if (code === AUTH_CLEARTEXT || code === AUTH_MD5) {
          const method = code === AUTH_CLEARTEXT ? 'a cleartext password' : 'an md5 password hash';
          return new Error(`the server asked for ${method} over a connection whose certificate is not verified; Posture sends those only to a verified server`);
        }
      }
      skip = length - (want - 1);
      have = 0;
    }
    return null;
  };
}
