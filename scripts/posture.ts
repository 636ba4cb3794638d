import { runScanCommand } from '../lib/cli/run-scan-command';
import { UsageError } from '../lib/cli/parse-scan-args';

const usage = `usage:
  posture scan <postgresql-url> [--ca <pem-file>] [--json] [--fail-under <grade>] [--timeout <seconds>]
               [--kubeconfig <file>] [--context <name>] [--namespace <ns>] [--selector <labels>] [--pvc <name>]...
               [--pgbackrest-stanza <stanza>] [--pgbackrest-config <file>] [--dump-dir <dir>]
               [--password-rotated-at <date>]

exit codes: 0 ok; 2 grade below --fail-under; 1 usage error`;

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === 'scan') process.exitCode = await runScanCommand(rest, { stdout: process.stdout, stderr: process.stderr });
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
