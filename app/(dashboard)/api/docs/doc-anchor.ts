/** Fragment ids for the docs page, so links from the table of contents and from $refs always match their targets. */
export function docAnchor(kind: 'op' | 'tag' | 'schema', name: string): string {
  return `${kind}-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
