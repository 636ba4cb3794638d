import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Reads a generated secret from the data folder, creating it (mode 0600) on first use. */
export function localSecret(file: string, generate: () => string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const value = generate();
  writeFileSync(file, value + '\n', { mode: 0o600 });
  return value;
}
