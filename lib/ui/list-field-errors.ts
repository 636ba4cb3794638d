/** One-per-line list input: lines, trimmed, blanks dropped. */
export const parseLines = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => l !== '');

/** The server's messages for one list field, naming the entry each is about (path `field.3` or `field.3.email` → the 4th line sent). */
export function listFieldErrors(details: readonly { path: string; message: string }[], field: string, sent: readonly string[]): string | undefined {
  const messages = details
    .filter((d) => d.path === field || d.path.startsWith(`${field}.`))
    .map((d) => {
      const index = Number(d.path.slice(field.length + 1).split('.')[0]);
      const entry = d.path !== field && Number.isInteger(index) ? sent[index] : undefined;
      return entry !== undefined ? `${entry}: ${d.message}` : d.message;
    });
  return messages.length ? messages.join('; ') : undefined;
}
