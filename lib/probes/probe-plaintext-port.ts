import type { PlaintextPortObservation } from './observations';
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
 * Sends the protocol's greeting without TLS and reads the first answer. No credential is ever sent: the
 * greeting is the same bytes any client would open with. A TLS-only listener closes or answers with an alert.
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
    let got = Buffer.alloc(0);
    let done = false;
    const finish = (o: PlaintextPortObservation) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      s.destroy();
      resolve(o);
    };
    const judge = () => {
      const line = input.recognise(got);
      return line !== null ? { answer: 'speaks-protocol' as const, detail: line } : null;
    };
    const timer = setTimeout(() => finish({ port, ...(judge() ?? { answer: got.length ? 'other' : 'no-answer', detail: got.length ? printable(got) : null }) }), input.connectTimeoutMs);
    s.on('data', (b: Buffer) => {
      got = Buffer.concat([got, b]).subarray(0, 4096);
      const hit = judge();
      if (hit) finish({ port, ...hit });
    });
    s.on('close', () => finish({ port, ...(judge() ?? { answer: got.length ? 'other' : 'closed', detail: got.length ? printable(got) : 'closed without answering' }) }));
    s.on('error', (e) => finish({ port, answer: got.length ? 'other' : 'closed', detail: e.message }));
    s.write(input.greeting);
  });
}

/** The first line of what came back, with anything unprintable escaped, for evidence. */
function printable(b: Buffer): string {
  const line = b.subarray(0, 120).toString('latin1').split(/\r?\n/)[0] ?? '';
  return line.replace(/[^\x20-\x7e]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
