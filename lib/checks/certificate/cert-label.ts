/** The CN of a subject like "CN=db.example.com\nO=Acme" or "/O=Acme/CN=db", or null when there is none. */
export function certCommonName(subject: string): string | null {
  for (const part of subject.split(/[\n,/+]/)) {
    const eq = part.indexOf('=');
    const value = eq === -1 ? '' : part.slice(eq + 1).trim();
    if (value !== '' && part.slice(0, eq).trim().toUpperCase() === 'CN') return value;
  }
  return null;
}

/** A short, one-line name for a certificate in summaries: "CN=…", else the flattened subject. */
export function certLabel(subject: string): string {
  const cn = certCommonName(subject);
  return cn ? `CN=${cn}` : subject.split('\n').map((s) => s.trim()).filter(Boolean).join(', ') || '(empty subject)';
}
