import 'server-only';
import type { Prisma } from '../../generated/prisma/client';
import type { InventoryEntry } from '../../validations/inventory-file';
import { changedFields, type Json } from '../audit/redact';
import { toTargetView, targetViewSelect } from '../targets/target-view';

/** The view of a target plus what an import needs to decide "unchanged"; never the sealed password. */
export const storedTargetSelect = { ...targetViewSelect, credentialId: true } satisfies Prisma.TargetSelect;

export type StoredTarget = Prisma.TargetGetPayload<{ select: typeof storedTargetSelect }>;

export interface EntryDiff {
  /** Changed target fields as { field: [before, after] }, redacted. */
  fields: Record<string, Json>;
  credentialChanged: boolean;
  changed: boolean;
}

/** Sorted keys and no undefined, so stored jsonb (which reorders keys) compares equal to the parsed file. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .flatMap((k) => {
          const v = (value as Record<string, unknown>)[k];
          return v === undefined ? [] : [[k, canonical(v)]];
        }),
    );
  }
  return value ?? null;
}

type Comparable = Record<string, unknown>;

function fromStored(row: StoredTarget): Comparable {
  const v = toTargetView(row);
  return {
    name: v.name,
    engine: v.engine,
    host: v.host,
    port: v.port,
    database: v.database,
    environment: v.environment,
    ownerTeam: v.ownerTeam,
    ownerEmail: v.ownerEmail,
    service: v.service,
    tags: v.tags,
    criticality: v.criticality,
    archived: v.archivedAt !== null,
    kubernetes: v.kubernetes,
    backup: v.backup,
    tlsServerName: v.tlsServerName,
  };
}

/**
 * Whether the entry's credential differs from the stored one. A literal password always counts as a change and is
 * sealed again: comparing it with the stored secret would tell the importer whether a guess was right.
 */
function credentialChanged(want: InventoryEntry['credential'], have: StoredTarget['credential']): boolean {
  if (!want) return false;
  if (!have || want.username !== have.username) return true;
  if (want.password !== undefined) return true;
  if (want.passwordFromEnv !== undefined) return have.source !== 'env' || have.reference !== want.passwordFromEnv;
  if (want.passwordFromSecret !== undefined) {
    const s = want.passwordFromSecret;
    return have.source !== 'k8s_secret' || have.reference !== `${s.namespace ? `${s.namespace}/` : ''}${s.name}#${s.key}`;
  }
  return false; // `{ username }` alone keeps whatever password is stored
}

/** What importing `entry` over the stored target would change; nothing means the entry counts as unchanged. */
export function diffInventoryEntry(entry: InventoryEntry, stored: StoredTarget): EntryDiff {
  const before = fromStored(stored);
  const keys = Object.keys(before);
  const pick = (o: Comparable) => Object.fromEntries(keys.map((k) => [k, canonical(o[k])]));
  const fields = changedFields(pick(before), pick(entry)) as Record<string, Json>;
  const cred = credentialChanged(entry.credential, stored.credential);
  return { fields, credentialChanged: cred, changed: cred || Object.keys(fields).length > 0 };
}
