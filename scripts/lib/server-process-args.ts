import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './paths';

/** Node flags that make a child a server process (scripts/lib/server-process.mjs); put them before `--import tsx`. */
export const serverProcessArgs = ['--import', pathToFileURL(path.join(repoRoot, 'scripts/lib/server-process.mjs')).href];
