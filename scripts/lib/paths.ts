export { repoRoot } from '../../lib/repo-root';
