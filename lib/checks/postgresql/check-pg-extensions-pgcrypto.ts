import type { CheckDefinition } from '../check-definition';
import { outcomeVerdict } from '../outcome-verdict';
import { hasTag, policyTags } from './pg-tag-policy';

export const pgExtensionsPgcryptoCheck: CheckDefinition = {
  id: 'pg.extensions.pgcrypto',
  title: 'pgcrypto is installed where encryption is required',
  area: 'hardening',
  severity: 'medium',
  why: 'Where data must be encrypted at rest column by column, pgcrypto provides pgp_sym_encrypt and friends inside the database. The check runs on targets tagged encryption:required.',
  evaluate: (obs) => {
    if (!hasTag(obs, policyTags.encryption)) {
      return { status: 'skip', summary: `encryption is not required for this target (tag it ${policyTags.encryption} to check)`, evidence: { policyTag: policyTags.encryption, tagged: false } };
    }
    return outcomeVerdict(obs.pgHardening, (h) => {
      const ext = h.extensions.find((e) => e.name === 'pgcrypto');
      const evidence = { database: h.database, installed: ext !== undefined, version: ext?.version ?? null, available: h.pgcryptoAvailable };
      if (ext) return { status: 'pass', summary: `pgcrypto ${ext.version} installed in ${h.database} (schema ${ext.schema})`, evidence };
      const where = h.pgcryptoAvailable ? 'available but not installed' : 'not even shipped by the server’s packages';
      return { status: 'fail', summary: `pgcrypto is ${where} in ${h.database}`, evidence };
    });
  },
  remediation: `Install it in the application's database (the contrib package ships it):
  CREATE EXTENSION IF NOT EXISTS pgcrypto;

Encrypt sensitive columns with a key kept outside the database (Vault, KMS), passed per session:
  INSERT INTO users (name, ssn_encrypted) VALUES ('Ann', pgp_sym_encrypt('123-45-6789', :'key'));
  SELECT pgp_sym_decrypt(ssn_encrypted, :'key') FROM users;`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '6.11' },
    { framework: 'PCI-DSS', control: '3.5.1' },
    { framework: 'GDPR', control: 'Art. 32(1)(a)' },
    { framework: 'SOC 2', control: 'CC6.7' },
  ],
};
