import { rootStateFolder } from '../../lib/store/ensure-root-folder';
import { chooseDataDir } from './choose-data-dir';
import { repoRoot } from './paths';

let chosen: string | undefined;

/**
 * Where the demo keeps its store, its lab and the generated secrets (see chooseDataDir), chosen on first use and
 * printed in one line when it is not .data in the checkout. Exported as POSTURE_DATA_DIR, so children agree quietly.
 */
export function dataDir(): string {
  if (chosen) return chosen;
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const choice = chooseDataDir({ repoRoot, explicit: process.env.POSTURE_DATA_DIR, asRoot, stateRoot: rootStateFolder });
  if (choice.notice) console.log(choice.notice);
  process.env.POSTURE_DATA_DIR = choice.dir;
  chosen = choice.dir;
  return chosen;
}
