/** The CN of a subject like "CN=db.example.com\nO=Acme" or "/O=Acme/CN=db", or null when there is none. */
export function certCommonName(subject: string): string | null {
  const m = /(?:^|[\n,/+]\s*)CN\s*=\s*([^\n,/+]+)/i.exec(subject);
  return m?.[1]?.trim() ?? null;
}

/** A short, one-line name for a certificate in summaries: "CN=…", else the flattened subject. */
export function certLabel(subject: string): string {
  const cn = certCommonName(subject);
  return cn ? `CN=${cn}` : subject.split('\n').map((s) => s.trim()).filter(Boolean).join(', ') || '(empty subject)';
}
