import { AMQP_MAX_FRAME_BYTES, AMQP_MAX_TABLE_DEPTH, formatBytes } from './byte-limits';
import type { ExactReader } from './exact-reader';
import { WireLimitError } from './wire-limit-error';

/** AMQP 0-9-1: the protocol header a client opens with; the server answers with Connection.Start. */
export const amqpProtocolHeader = Buffer.from([0x41, 0x4d, 0x51, 0x50, 0, 0, 9, 1]);

const FRAME_METHOD = 1;
const FRAME_END = 0xce;

export interface AmqpMethod {
  classId: number;
  methodId: number;
  args: Buffer;
}

type FieldValue = string | number | boolean | null | FieldTable | FieldValue[];
export interface FieldTable {
  [key: string]: FieldValue;
}

/** Reads one frame and returns it if it is a method frame on channel 0; a size over the cap fails at once. */
export async function readMethod(reader: ExactReader, timeoutMs: number): Promise<AmqpMethod> {
  const deadline = Date.now() + timeoutMs;
  const head = await reader.read(7, timeoutMs, 'AMQP frame');
  if (head.subarray(0, 4).toString('latin1') === 'AMQP') throw new Error(`server wants protocol ${[...head.subarray(4, 7)].join('.')} (AMQP version mismatch)`);
  const size = head.readUInt32BE(3);
  if (size > AMQP_MAX_FRAME_BYTES) throw new WireLimitError(`the server sent a ${size}-byte AMQP frame; Posture reads at most ${formatBytes(AMQP_MAX_FRAME_BYTES)}`);
  const body = await reader.read(size + 1, deadline - Date.now(), 'AMQP frame');
  if (body[size] !== FRAME_END) throw new Error('malformed AMQP frame (no frame-end octet)');
  if (head[0] !== FRAME_METHOD) throw new Error(`expected a method frame, got frame type ${head[0]}`);
  if (size < 4) throw new Error(`malformed AMQP method frame (${size}-byte payload)`);
  return { classId: body.readUInt16BE(0), methodId: body.readUInt16BE(2), args: body.subarray(4, size) };
}

/** A cursor over AMQP argument encodings (big-endian, short/long strings, field tables). */
class Cursor {
  constructor(
    private readonly b: Buffer,
    public at = 0,
  ) {}
  octet = () => this.b.readUInt8(this.at++);
  short = () => ((this.at += 2), this.b.readUInt16BE(this.at - 2));
  long = () => ((this.at += 4), this.b.readUInt32BE(this.at - 4));
  shortstr = () => {
    const n = this.octet();
    return ((this.at += n), this.b.toString('utf8', this.at - n, this.at));
  };
  longstr = () => {
    const n = this.long();
    return ((this.at += n), this.b.toString('utf8', this.at - n, this.at));
  };
  table = (depth = 0): FieldTable => {
    if (depth > AMQP_MAX_TABLE_DEPTH) throw new WireLimitError(`the server nested AMQP field tables over ${AMQP_MAX_TABLE_DEPTH} deep; Posture reads at most ${AMQP_MAX_TABLE_DEPTH}`);
    const end = this.long() + this.at;
    const out: FieldTable = {};
    while (this.at < end) {
      const key = this.shortstr();
      out[key] = this.value(depth);
    }
    return out;
  };
  value = (depth: number): FieldValue => {
    const type = String.fromCharCode(this.octet());
    const skip = (n: number) => ((this.at += n), null);
    switch (type) {
      case 't':
        return this.octet() !== 0;
      case 'b':
      case 'B':
        return this.octet();
      case 's':
      case 'u':
        return this.short();
      case 'I':
      case 'i':
        return this.long();
      case 'l':
      case 'L':
      case 'd':
      case 'T':
        return skip(8);
      case 'f':
        return skip(4);
      case 'D':
        return skip(5);
      case 'S':
      case 'x':
        return this.longstr();
      case 'F':
        return this.table(depth + 1);
      case 'A': {
        if (depth >= AMQP_MAX_TABLE_DEPTH) throw new WireLimitError(`the server nested AMQP field arrays over ${AMQP_MAX_TABLE_DEPTH} deep; Posture reads at most ${AMQP_MAX_TABLE_DEPTH}`);
        const end = this.long() + this.at;
        const items: FieldValue[] = [];
        while (this.at < end) items.push(this.value(depth + 1));
        return items;
      }
      case 'V':
        return null;
      default:
        throw new Error(`unknown AMQP field type ${type}`);
    }
  };
}

export interface ConnectionStart {
  version: string;
  serverProperties: FieldTable;
  mechanisms: string[];
}

export function parseConnectionStart(m: AmqpMethod): ConnectionStart {
  if (m.classId !== 10 || m.methodId !== 10) throw new Error(`expected Connection.Start, got method ${m.classId}.${m.methodId}`);
  const c = new Cursor(m.args);
  const version = `AMQP ${c.octet()}-${c.octet()}`;
  const serverProperties = c.table();
  const mechanisms = c.longstr().split(' ').filter(Boolean);
  return { version, serverProperties, mechanisms };
}

export function parseConnectionClose(m: AmqpMethod): { code: number; text: string } {
  const c = new Cursor(m.args);
  return { code: c.short(), text: c.shortstr() };
}

const shortstr = (s: string) => Buffer.concat([Buffer.from([Buffer.byteLength(s)]), Buffer.from(s)]);
const longstr = (b: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, 0].map((_, i) => (b.length >>> (24 - 8 * i)) & 0xff)), b]);

/**
 * Connection.StartOk with PLAIN credentials. The client properties announce authentication_failure_close, so a
 * refused login comes back as Connection.Close with the reason instead of a bare disconnect.
 */
export function connectionStartOk(user: string, password: string): Buffer {
  const capabilities = Buffer.concat([shortstr('authentication_failure_close'), Buffer.from('t'), Buffer.from([1])]);
  const props = Buffer.concat([
    shortstr('product'), Buffer.from('S'), longstr(Buffer.from('posture-probe')),
    shortstr('capabilities'), Buffer.from('F'), longstr(capabilities),
  ]);
  const args = Buffer.concat([longstr(props), shortstr('PLAIN'), longstr(Buffer.from(`\0${user}\0${password}`)), shortstr('en_US')]);
  const payload = Buffer.concat([Buffer.from([0, 10, 0, 11]), args]);
  const header = Buffer.alloc(7);
  header.writeUInt8(FRAME_METHOD, 0);
  header.writeUInt16BE(0, 1);
  header.writeUInt32BE(payload.length, 3);
  return Buffer.concat([header, payload, Buffer.from([FRAME_END])]);
}
