import { runScanCommand } from '../lib/cli/run-scan-command';
import { UsageError } from '../lib/cli/parse-scan-args';
import { parseTokenArgs } from '../lib/cli/parse-token-args';
import { parseRotateKeyArgs } from '../lib/cli/parse-rotate-key-args';
import { applyLocalEnv } from './lib/local-env';
import { withStore } from './lib/with-store';

const usage = `usage:
  posture scan <url> [--ca <pem-file>] [--server-name <name>] [--pin <spki-sha256>]
               [--json] [--fail-under <grade>] [--timeout <seconds>]
               [--kubeconfig <file>] [--context <name>] [--namespace <ns>] [--selector <labels>] [--pvc <name>]...
               [--pgbackrest-stanza <stanza>] [--pgbackrest-config <file>] [--dump-dir <dir>]
               [--password-rotated-at <date>]
               [--engine patroni|etcd|pgbackrest] [--cert <pem-file> --key <pem-file>]
               [--plaintext-port <port>] [--management-port <port>] [--store]

  <url> is postgresql://user:password@host:5432/db, redis://…, rediss://[user:password@]host:6379,
  amqp://…, amqps://host:5671, or https://host:port with --engine patroni, etcd or pgbackrest.
  The password in <url> is sent only to a server whose certificate verifies against --ca (or the system roots) for
  the host (or --server-name), or whose key matches --pin (base64 SHA-256 of the leaf's SubjectPublicKeyInfo).
  --cert/--key: a client certificate for listeners that require one (etcd, pgBackRest TLS server).
  --plaintext-port: the Redis/RabbitMQ plaintext port to prove closed (default 6379 / 5672).
  --management-port: the RabbitMQ management API's HTTPS port (default 15671). --store: Redis holds data of record (AOF checked).
  posture token create --name <name> --scopes read,scan,write [--expires-in 90d] [--json]
  posture token list [--json]
  posture token revoke <id | pst_prefix> [--json]
  posture rotate-key [--batch-size <n>] [--pause-ms <ms>] [--json]
      re-wraps every stored data key under POSTURE_MASTER_KEY (old keys in POSTURE_MASTER_KEY_PREVIOUS)

token and rotate-key commands use DATABASE_URL, or the local embedded store under .data/ (started if it is not running).
exit codes: 0 ok; 2 grade below --fail-under; 1 usage error or failure`;

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === 'scan') process.exitCode = await runScanCommand(rest, { stdout: process.stdout, stderr: process.stderr });
  else if (command === 'token') {
    parseTokenArgs(rest); // usage errors before a store is opened
    applyLocalEnv();
    await withStore(async () => {
      // Imported after the store is open: the Prisma client reads DATABASE_URL when it loads.
      const { runTokenCommand } = await import('../lib/cli/run-token-command');
      process.exitCode = await runTokenCommand(rest, { stdout: process.stdout, stderr: process.stderr });
    }, { migrate: true });
    // The store's connection pool keeps idle sockets (and their timers) for seconds; a CLI is done here.
    process.exit();
  }
  else if (command === 'rotate-key') {
    parseRotateKeyArgs(rest);
    applyLocalEnv();
    await withStore(async () => {
      const { runRotateKeyCommand } = await import('../lib/cli/run-rotate-key-command');
      process.exitCode = await runRotateKeyCommand(rest, { stdout: process.stdout, stderr: process.stderr });
    }, { migrate: true });
    process.exit();
  }
  else if (command === 'help' || command === '--help' || command === undefined) {
    console.log(usage);
    if (command === undefined) process.exitCode = 1;
  } else throw new UsageError(`unknown command ${command}`);
} catch (e) {
  if (e instanceof UsageError) {
    console.error(`posture: ${e.message}\n\n${usage}`);
    process.exitCode = 1;
  } else {
    console.error(`posture: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
