import { readFileSync } from 'node:fs';

/** Starts a measurement of the whole machine's CPU (all processes: the bench, the lab servers, the store). */
export function machineCpu(): { stop: () => { busyPercent: number; cores: number } } {
  const read = () => {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (v[3] ?? 0) + (v[4] ?? 0);
    return { idle, total: v.reduce((a, b) => a + b, 0) };
  };
  const cores = readFileSync('/proc/stat', 'utf8').split('\n').filter((l) => /^cpu\d/.test(l)).length;
  const start = read();
  return {
    stop: () => {
      const end = read();
      const total = end.total - start.total;
      return { busyPercent: total > 0 ? (100 * (total - (end.idle - start.idle))) / total : 0, cores };
    },
  };
}
