import { PLAINTEXT_ANSWER_BYTES } from './byte-limits';
import type { PlaintextPortObservation } from './observations/transport';
import { connectTcp } from './socket-io';

export interface PlaintextPortInput {
  host: string;
  port: number;
  /** the engine's own opening bytes: a Redis PING, the AMQP protocol header, an HTTP GET */
  greeting: Buffer;
  /** the first line of a plaintext answer of the protocol, or null when the bytes are not one */
  recognise: (answer: Buffer) => string | null;
  connectTimeoutMs: number;
  signal?: AbortSignal;
}

/**
 * Sends the protocol's greeting without TLS and reads the first answer (at most PLAINTEXT_ANSWER_BYTES). No
 * credential is ever sent: the greeting is the same bytes any client would open with. A TLS-only listener closes
 * or answers with an alert.
 */
export async function probePlaintextPort(input: PlaintextPortInput): Promise<PlaintextPortObservation> {
  const { port } = input;
  let socket;
  try {
    socket = await connectTcp(input.host, port, input.connectTimeoutMs, input.signal);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { port, answer: code === 'ECONNREFUSED' ? 'refused' : 'error', detail: e instanceof Error ? e.message : String(e) };
  }
  const s = socket;
  return new Promise((resolve) => {
    // The first PLAINTEXT_ANSWER_BYTES are the answer: copied once into a fixed buffer, the rest never read.
    const got = Buffer.alloc(PLAINTEXT_ANSWER_BYTES);
    let size = 0;
    let done = false;
    const finish = (o: PlaintextPortObservation) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      s.destroy();
      resolve(o);
    };
    const answer = () => got.subarray(0, size);
    const judge = () => {
      let line: string | null = null;
      try {
        line = input.recognise(answer());
      } catch {
        // bytes a recogniser chokes on are not its protocol
      }
      return line !== null ? { answer: 'speaks-protocol' as const, detail: line } : null;
    };
    const other = (ifNothing: { answer: 'no-answer' | 'closed'; detail: string | null }) => (size ? { answer: 'other' as const, detail: printable(answer()) } : ifNothing);
    const timer = setTimeout(() => finish({ port, ...(judge() ?? other({ answer: 'no-answer', detail: null })) }), input.connectTimeoutMs);
    s.on('data', (b: Buffer) => {
      size += b.copy(got, size);
      const hit = judge();
      if (hit || size === got.length) finish({ port, ...(hit ?? other({ answer: 'no-answer', detail: null })) });
    });
    s.on('close', () => finish({ port, ...(judge() ?? other({ answer: 'closed', detail: 'closed without answering' })) }));
    s.on('error', (e) => finish({ port, answer: size ? 'other' : 'closed', detail: e.message }));
    s.write(input.greeting);
  });
}

/** The first line of what came back, with anything unprintable escaped, for evidence. */
function printable(b: Buffer): string {
  const line = b.subarray(0, 120).toString('latin1').split(/\r?\n/)[0] ?? '';
  return line.replace(/[^\x20-\x7e]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
