import type { CheckDefinition } from '../../lib/checks/check-definition';
import type { CheckConcern } from '../../lib/checks/check-concern';
import { engineRegistry } from '../../lib/engines/engine-registry';

export const ENGINES_DOC_START = '<!-- engines:generated:start (npx tsx scripts/write-engines-doc.ts) -->';
export const ENGINES_DOC_END = '<!-- engines:generated:end -->';

const cell = (s: string) => s.replaceAll('|', '\\|');
const table = (checks: readonly CheckDefinition[]) =>
  ['| Check | Severity | Title |', '| --- | --- | --- |', ...checks.map((c) => `| \`${c.id}\` | ${c.severity} | ${cell(c.title)} |`)].join('\n');

/** The generated part of docs/engines.md: each engine from the registry, then the shared concerns they name. */
export function renderEnginesDoc(): string {
  const concerns = new Map<string, CheckConcern>();
  const engines = engineRegistry.map((e) => {
    for (const c of e.concerns) concerns.set(c.id, c);
    return [
      `### ${e.label} (\`${e.id}\`)`,
      '',
      `Default port ${e.defaultPort}. \`posture scan\` URL: ${e.urlSchemes.map((u) => `\`${u.scheme}//\`${u.port ? ` (port ${u.port})` : ''}`).join(', ')}${e.urlSchemes.some((u) => u.scheme === 'https:') ? ` with \`--engine ${e.id}\`` : ''}. Observations: ${e.observationKeys.map((k) => `\`${k}\``).join(', ')}.`,
      '',
      `Probes: ${e.probes}.`,
      '',
      `Shared concerns: ${e.concerns.map((c) => `[${c.label}](#${c.id})`).join(', ')}. Its own checks:`,
      '',
      table(e.checks),
    ].join('\n');
  });
  const shared = [...concerns.values()].map((c) =>
    [`### ${c.label}`, '', `<a id="${c.id}"></a>Reads ${c.reads}. Engines: ${engineRegistry.filter((e) => e.concerns.includes(c)).map((e) => `\`${e.id}\``).join(', ')}.`, '', table(c.checks)].join('\n'),
  );
  return [ENGINES_DOC_START, '', '## Engines', '', engines.join('\n\n'), '', '## Shared concerns', '', shared.join('\n\n'), '', ENGINES_DOC_END].join('\n');
}

/** The doc with its generated section replaced; the hand-written text around it is kept. */
export function withGeneratedSection(doc: string): string {
  const start = doc.indexOf(ENGINES_DOC_START);
  const end = doc.indexOf(ENGINES_DOC_END);
  if (start < 0 || end < start) throw new Error('docs/engines.md has no generated section markers');
  return doc.slice(0, start) + renderEnginesDoc() + doc.slice(end + ENGINES_DOC_END.length);
}
