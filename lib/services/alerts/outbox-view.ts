import 'server-only';
import type { Prisma } from '../../generated/prisma/client';

export const outboxViewSelect = {
  id: true,
  kind: true,
  targetId: true,
  severity: true,
  digest: true,
  digestedIntoId: true,
  recipients: true,
  cc: true,
  subject: true,
  text: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  lastError: true,
  messageId: true,
  sentAt: true,
  createdAt: true,
} satisfies Prisma.OutboxSelect;

type Row = Prisma.OutboxGetPayload<{ select: typeof outboxViewSelect }>;

/** What the Alerts page shows: the email as sent (no secret ever goes into one), and where it is in delivery. */
export interface OutboxView {
  id: string;
  kind: string;
  targetId: string | null;
  targetName: string | null;
  severity: string | null;
  subject: string;
  recipients: string[];
  /** copied: the security list when the owner is addressed */
  cc: string[];
  text: string;
  status: 'pending' | 'sent' | 'dead';
  /** pending until the recipient's daily digest */
  waitingForDigest: boolean;
  /** sent as part of this digest email */
  digestedIntoId: string | null;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  messageId: string | null;
  sentAt: string | null;
  createdAt: string;
}

export function toOutboxView(row: Row, targetNames: ReadonlyMap<string, string>): OutboxView {
  return {
    id: row.id,
    kind: row.kind,
    targetId: row.targetId,
    targetName: row.targetId ? (targetNames.get(row.targetId) ?? null) : null,
    severity: row.severity,
    subject: row.subject,
    recipients: row.recipients,
    cc: row.cc,
    text: row.text,
    status: row.status,
    waitingForDigest: row.status === 'pending' && row.digest,
    digestedIntoId: row.digestedIntoId,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' && !row.digest ? row.nextAttemptAt.toISOString() : null,
    lastError: row.lastError,
    messageId: row.messageId,
    sentAt: row.sentAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
