import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const docs = ['README.md', ...readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];

/** The document with fenced code blocks blanked out (line numbers kept): a `[x](y)` there is an example. */
function outsideFences(markdown: string): string {
  let fence: string | null = null;
  const kept = markdown.split('\n').map((line) => {
    const t = line.trimStart();
    if (fence) {
      if (t.startsWith(fence)) fence = null;
      return '';
    }
    if (t.startsWith('```') || t.startsWith('~~~')) {
      fence = t.slice(0, 3);
      return '';
    }
    return line;
  });
  return kept.join('\n');
}

/** The text without inline code spans and HTML comments, scanned by hand. */
function prose(markdown: string): string {
  const text = outsideFences(markdown);
  let out = '';
  for (let i = 0; i < text.length; ) {
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      i = end < 0 ? text.length : end + 3;
    } else if (text[i] === '`') {
      let n = 1;
      while (text[i + n] === '`') n++;
      const end = text.indexOf('`'.repeat(n), i + n);
      i = end < 0 ? text.length : end + n;
    } else out += text[i++];
  }
  return out;
}

interface Link {
  text: string;
  target: string;
}

/** Every `[text](target)` and `![alt](target)` in some prose. */
function linksIn(text: string): Link[] {
  const links: Link[] = [];
  for (let from = 0; ; ) {
    const mid = text.indexOf('](', from);
    if (mid < 0) return links;
    const open = text.lastIndexOf('[', mid);
    const close = text.indexOf(')', mid + 2);
    if (open >= from && close >= 0) {
      const target = text.slice(mid + 2, close).trim().split(' ')[0]!;
      links.push({ text: text.slice(open + 1, mid), target: target.startsWith('<') && target.endsWith('>') ? target.slice(1, -1) : target });
      from = close + 1;
    } else from = mid + 2;
  }
}

/** GitHub's heading ids: lower case, punctuation dropped, spaces to hyphens, repeats numbered -1, -2 … */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const line of outsideFences(markdown).split('\n')) {
    let level = 0;
    while (line[level] === '#') level++;
    if (level < 1 || level > 6 || line[level] !== ' ') continue;
    let heading = line.slice(level + 1).trim();
    while (heading.endsWith('#')) heading = heading.slice(0, -1).trimEnd();
    for (const link of linksIn(heading)) heading = heading.replace(`[${link.text}](${link.target})`, link.text);
    const base = heading.toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replaceAll(' ', '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  for (const marker of ['<a id="', '<a name="']) {
    for (let i = markdown.indexOf(marker); i >= 0; i = markdown.indexOf(marker, i + 1)) {
      const start = i + marker.length;
      anchors.add(markdown.slice(start, markdown.indexOf('"', start)));
    }
  }
  return anchors;
}

/** The relative link targets of a document: files in the repository, maybe with a #heading. */
function relativeLinks(markdown: string): string[] {
  return linksIn(prose(markdown))
    .map((l) => l.target)
    .filter((t) => !/^[a-z][a-z\d+.-]*:/i.test(t));
}

/** What is wrong with one link from `doc`, or null when its file (and heading, for a Markdown file) exists. */
function brokenLink(doc: string, target: string): string | null {
  const [file, anchor] = target.split('#', 2) as [string, string | undefined];
  const resolved = file ? path.resolve(path.dirname(path.join(root, doc)), decodeURIComponent(file)) : path.join(root, doc);
  if (!resolved.startsWith(root + path.sep)) return `${target}: outside the repository`;
  if (!existsSync(resolved)) return `${target}: ${path.relative(root, resolved)} does not exist`;
  if (anchor === undefined || !resolved.endsWith('.md') || statSync(resolved).isDirectory()) return null;
  return anchorsOf(readFileSync(resolved, 'utf8')).has(decodeURIComponent(anchor)) ? null : `${target}: no heading #${anchor} in ${path.relative(root, resolved)}`;
}

describe('the links between the README and docs/', () => {
  it.each(docs)('every relative link in %s reaches a file, and its #anchor a heading there', (doc) => {
    const links = relativeLinks(readFileSync(path.join(root, doc), 'utf8'));
    expect(links.map((l) => brokenLink(doc, l)).filter(Boolean)).toEqual([]);
  });

  it('the README links to every document in docs/', () => {
    const linked = new Set(relativeLinks(readFileSync(path.join(root, 'README.md'), 'utf8')).map((l) => l.split('#')[0]));
    expect(docs.filter((d) => d !== 'README.md' && !linked.has(d))).toEqual([]);
  });

  it('the README stays a front door: at most 250 lines', () => {
    expect(readFileSync(path.join(root, 'README.md'), 'utf8').trimEnd().split('\n').length).toBeLessThanOrEqual(250);
  });

  it('the checker itself finds a missing file and a missing heading', () => {
    expect(brokenLink('README.md', 'docs/no-such-page.md')).toMatch(/does not exist/);
    expect(brokenLink('README.md', 'docs/api.md#no-such-heading')).toMatch(/no heading #no-such-heading/);
    expect(brokenLink('README.md', 'docs/api.md#tokens')).toBeNull();
    expect(anchorsOf('## Network guard (SSRF)\n### `npm run demo`\n## A\n## A\n```\n# not a heading\n```\n<a id="kept"></a>')).toEqual(
      new Set(['network-guard-ssrf', 'npm-run-demo', 'a', 'a-1', 'kept']),
    );
    expect(relativeLinks('[x](docs/a.md) ![y](<b.png>) [z](https://example.com) `[c](not-a-link.md)`\n```\n[d](nor-this.md)\n```')).toEqual(['docs/a.md', 'b.png']);
  });
});
