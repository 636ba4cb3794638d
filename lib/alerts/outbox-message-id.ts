/**
 * Deterministic per outbox row: a resend after a crash between "sent" and "marked" carries the same Message-ID,
 * so receiving servers and clients that dedupe on it show one email.
 */
export function outboxMessageId(outboxId: string): string {
  return `<outbox-${outboxId}@posture>`;
}
