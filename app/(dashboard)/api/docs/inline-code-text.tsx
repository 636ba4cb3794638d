/** Prose from the OpenAPI document, with its `backticked` spans shown as code (the only markdown it uses). */
export function InlineCodeText({ text }: { text: string }) {
  const parts = text.split(/`([^`]+)`/);
  return <>{parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}
