import type { CheckDefinition } from '../check-definition';
import { outcomeVerdict } from '../outcome-verdict';

export const pgExtensionsUntrustedLanguagesCheck: CheckDefinition = {
  id: 'pg.extensions.untrusted_languages',
  title: 'No untrusted procedural language is installed',
  area: 'hardening',
  severity: 'high',
  why: 'Functions in an untrusted language (plperlu, plpython3u, pltclu) run with the server’s operating-system rights: they can read the data directory, open sockets and start programs. Anyone who gains superuser, or a SECURITY DEFINER function written in one, gets the host too.',
  evaluate: (obs) =>
    outcomeVerdict(obs.pgHardening, (h) => {
      const untrusted = h.languages.filter((l) => !l.trusted).map((l) => l.name);
      const evidence = { database: h.database, languages: h.languages, untrusted };
      if (untrusted.length > 0) return { status: 'fail', summary: `untrusted languages in ${h.database}: ${untrusted.join(', ')}`, evidence };
      return { status: 'pass', summary: `only trusted languages in ${h.database}: ${h.languages.map((l) => l.name).join(', ') || 'none'}`, evidence };
    }),
  remediation: `Find the functions that use them, and move that work out of the database:
  SELECT p.oid::regprocedure, l.lanname FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang WHERE NOT l.lanpltrusted AND l.lanispl;

Then drop the language in each database:
  DROP EXTENSION IF EXISTS plperlu;
  DROP EXTENSION IF EXISTS plpython3u;
  -- a language created without an extension: DROP LANGUAGE <name>;`,
  compliance: [
    { framework: 'PCI-DSS', control: '2.2.6' },
    { framework: 'SOC 2', control: 'CC6.8' },
  ],
};
