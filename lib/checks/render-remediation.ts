/** The engines' names as remediation text labels its lines (`Redis: …`); kept equal to the engine registry by a test. */
export const remediationEngineLabels: Record<string, string> = {
  postgresql: 'PostgreSQL',
  redis: 'Redis',
  rabbitmq: 'RabbitMQ',
  patroni: 'Patroni',
  etcd: 'etcd',
  pgbackrest: 'pgBackRest',
};

/** What Posture knows about one target that a remediation's placeholders stand for. */
export interface RemediationFacts {
  /** null: the catalog's view, every engine's lines kept with their labels */
  engine: string | null;
  host?: string | null;
  port?: number | null;
  database?: string | null;
  user?: string | null;
  namespace?: string | null;
  stanza?: string | null;
}

const labelOf = new Map(Object.entries(remediationEngineLabels).map(([id, label]) => [label.toLowerCase(), id]));

/** The engines a line is for, from a leading `Label:` or `Label, Label:` (after its indentation); null for every engine. */
function lineEngines(line: string): { engines: string[]; rest: string; indent: string } | null {
  const indent = line.slice(0, line.length - line.trimStart().length);
  const body = line.slice(indent.length);
  const colon = body.indexOf(': ');
  if (colon < 0 || colon > 60) return null;
  const names = body.slice(0, colon).split(', ');
  const engines = names.map((n) => labelOf.get(n.toLowerCase()));
  if (engines.some((e) => e === undefined)) return null;
  return { engines: engines as string[], rest: body.slice(colon + 2).trimStart(), indent };
}

// Values go into shell and SQL lines a person copies: only plain names are filled in, anything else keeps its
// placeholder (an editor could name a database `x; rm -rf ~`).
const plainName = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
const sqlIdentifier = /^[a-z_][a-z0-9_]{0,62}$/;
const hostName = /^[A-Za-z0-9.:-]{1,253}$/;

function fill(text: string, f: RemediationFacts): string {
  const host = f.host && hostName.test(f.host) ? f.host : null;
  const port = f.port && Number.isInteger(f.port) && f.port > 0 && f.port < 65536 ? String(f.port) : null;
  const pairs: [string, string | null][] = [
    // an IPv6 address needs brackets before a port
    ['<host>:<port>', host && port ? `${host.includes(':') ? `[${host}]` : host}:${port}` : null],
    ['<host>', host],
    ['<port>', port],
    ['<db>', f.database && plainName.test(f.database) ? f.database : null],
    ['<user>', f.user && sqlIdentifier.test(f.user) ? f.user : null],
    ['<namespace>', f.namespace && plainName.test(f.namespace) ? f.namespace : null],
    ['<stanza>', f.stanza && plainName.test(f.stanza) ? f.stanza : null],
  ];
  let out = text;
  for (const [placeholder, value] of pairs) if (value !== null) out = out.split(placeholder).join(value);
  return out;
}

/**
 * A check's remediation for one target: lines labelled for other engines dropped, the label taken off the lines kept
 * (so they paste as commands), and <host>, <port>, <db>, <user>, <namespace>, <stanza> filled in where known.
 */
export function renderRemediation(text: string, facts: RemediationFacts): string {
  if (facts.engine === null) return text;
  const engine = facts.engine;
  const kept = text.split('\n').flatMap((line) => {
    const scoped = lineEngines(line);
    if (!scoped) return [line];
    return scoped.engines.includes(engine) ? [`${scoped.indent}${scoped.rest}`] : [];
  });
  // a paragraph whose every line was for other engines leaves blank lines behind: fold them
  const folded = kept.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  return fill(folded, facts);
}
