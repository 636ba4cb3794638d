import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
/** Where the demo keeps its store and generated secrets; git-ignored. */
export const dataDir = path.resolve(process.env.POSTURE_DATA_DIR ?? path.join(repoRoot, '.data'));
