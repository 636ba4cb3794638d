import type { CheckDefinition } from '../check-definition';
import { outcomeVerdict } from '../outcome-verdict';

export const backupEncryptedCheck: CheckDefinition = {
  id: 'backup.encrypted',
  title: 'Backups are encrypted',
  area: 'backups',
  severity: 'medium',
  why: 'A backup holds every row and every password verifier of the database; stored unencrypted in a bucket or on a share, it is the easiest copy of the data to steal.',
  evaluate: (obs) =>
    outcomeVerdict(obs.backup, (b) => {
      const evidence = { source: b.source, encrypted: b.encrypted, detail: b.detail };
      if (b.encrypted === null) return { status: 'skip', summary: `the ${b.source} backup source cannot tell whether backups are encrypted`, evidence };
      if (b.encrypted) return { status: 'pass', summary: `${b.source} backups are encrypted`, evidence };
      return { status: 'fail', summary: `${b.source} backups are not encrypted`, evidence };
    }),
  remediation: `pgBackRest: encryption is set when the repository is created. In pgbackrest.conf:
  [global]
  repo1-cipher-type=aes-256-cbc
  repo1-cipher-pass=<output of: openssl rand -base64 48>

An existing unencrypted repository cannot be switched: create a new repo (e.g. repo2 with its own cipher settings), then
  pgbackrest --stanza=<stanza> stanza-create
  pgbackrest --stanza=<stanza> --repo=2 --type=full backup

Dump files: encrypt them as they are written, e.g.
  pg_dump -Fc <db> | gpg --encrypt --recipient <backup-key-id> > <db>.dump.gpg

Keep the key or passphrase in a secret manager, apart from the backups.`,
  compliance: [
    { framework: 'PCI-DSS', control: '3.5.1' },
    { framework: 'GDPR', control: 'Art. 32(1)(a)' },
    { framework: 'SOC 2', control: 'CC6.1' },
    { framework: 'SOC 2', control: 'CC6.7' },
  ],
};
