import type { Writable } from 'node:stream';
import { db } from '../db';
import { envKeyring } from '../crypto/keyring';
import { rotateMasterKey } from '../crypto/rotate-master-key';
import { parseRotateKeyArgs } from './parse-rotate-key-args';

interface Io {
  stdout: Writable;
  stderr: Writable;
}

/**
 * `posture rotate-key`: re-wraps every stored data key under POSTURE_MASTER_KEY, reading old rows with the keys
 * in POSTURE_MASTER_KEY_PREVIOUS. Safe to kill and rerun. Exit 0 when every row is under the new key, else 1.
 */
export async function runRotateKeyCommand(argv: string[], io: Io): Promise<number> {
  const args = parseRotateKeyArgs(argv);
  const keyring = envKeyring();
  const previous = [...keyring.byId.keys()].filter((id) => id !== keyring.current.id);
  io.stderr.write(`rotating to master key ${keyring.current.id}; also reading ${previous.length ? previous.join(', ') : 'no previous key'}\n`);
  const result = await rotateMasterKey(db, keyring, {
    batchSize: args.batchSize,
    pauseMs: args.pauseMs,
    onBatch: ({ rewrapped, batch }) => io.stderr.write(`batch ${batch}: ${rewrapped} re-wrapped so far\n`),
  });
  for (const f of result.failed) io.stderr.write(`credential ${f.id}: ${f.error}\n`);
  const summary = { keyId: keyring.current.id, rewrapped: result.rewrapped, failed: result.failed.length, remaining: result.remaining };
  if (args.json) io.stdout.write(`${JSON.stringify(summary)}\n`);
  else io.stdout.write(`re-wrapped ${result.rewrapped}; ${result.remaining} not under ${keyring.current.id}${result.remaining ? ' (see above; add their key to POSTURE_MASTER_KEY_PREVIOUS and rerun)' : ''}\n`);
  return result.remaining === 0 ? 0 : 1;
}
