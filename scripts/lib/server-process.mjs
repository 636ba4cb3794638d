// `node --import ./scripts/lib/server-process.mjs` (or tsx with the same flag): this process is a server, so the
// server-only marker in lib/ (db, env, crypto, services) must not throw here. Only a client bundle may refuse it.
import { register } from 'node:module';

register('./server-only-resolve.mjs', import.meta.url);
