// @ts-check
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Whether dist/ must be rebuilt: never built, or a source file that went into it changed since. Files that are not
 * there count as unchanged: the image carries dist/ without its sources. A few ms of stat calls.
 * @param {string} root the checkout
 * @returns {boolean}
 */
export function runtimeIsStale(root) {
  const inputsFile = path.join(root, 'dist', 'inputs.json');
  if (!existsSync(inputsFile)) return true;
  const built = statSync(inputsFile).mtimeMs;
  /** @type {string[]} */
  const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
  return inputs.some((f) => {
    const file = path.join(root, f);
    return existsSync(file) && statSync(file).mtimeMs > built;
  });
}
