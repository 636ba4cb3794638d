import { inject } from 'vitest';

/** Points lib/db and lib/env at the run's real test store; import this first in integration tests. */
process.env.DATABASE_URL = inject('databaseUrl');
process.env.POSTURE_MASTER_KEY = inject('masterKey');
process.env.NEXTAUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123';
// Tests compare /api/v1/scores with the store right after writing to it.
process.env.POSTURE_SCORES_CACHE_MS ??= '0';
