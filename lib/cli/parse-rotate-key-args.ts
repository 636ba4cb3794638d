import { UsageError } from './parse-scan-args';

export interface RotateKeyArgs {
  batchSize: number;
  pauseMs: number;
  json: boolean;
}

const whole = (name: string, value: string | undefined, min: number, max: number): number => {
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new UsageError(`${name} must be a whole number between ${min} and ${max}`);
  return Number(value);
};

/** Parses `rotate-key [--batch-size <n>] [--pause-ms <ms>] [--json]`; every problem is a UsageError naming the argument. */
export function parseRotateKeyArgs(argv: string[]): RotateKeyArgs {
  const out: RotateKeyArgs = { batchSize: 100, pauseMs: 0, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') out.json = true;
    else if (a === '--batch-size') out.batchSize = whole(a, argv[++i], 1, 10_000);
    else if (a === '--pause-ms') out.pauseMs = whole(a, argv[++i], 0, 60_000);
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else throw new UsageError(`unexpected argument ${a}`);
  }
  return out;
}
