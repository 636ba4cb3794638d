import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Marked } from 'marked';

const marked = new Marked({ gfm: true });

/**
 * One of Posture's own documents (docs/*.md, shipped with the app) as HTML. The text is ours, not a user's, so it
 * is rendered as written; the first heading is dropped, the page shows its own.
 */
export async function renderPolicyDoc(name: 'grading.md'): Promise<string> {
  const text = await readFile(path.join(process.cwd(), 'docs', name), 'utf8');
  const body = text.startsWith('# ') ? text.slice(text.indexOf('\n') + 1) : text;
  return marked.parse(body, { async: false });
}
