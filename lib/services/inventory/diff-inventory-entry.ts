import type { Prisma } from '../../generated/prisma/client';
import { openSecret } from '../../crypto/envelope';
import { envKeyring } from '../../crypto/keyring';
import type { InventoryEntry } from '../../validations/inventory-file';
import { changedFields, type Json } from '../audit/redact';
import { credentialColumns } from '../targets/credential-columns';
import { toTargetView, targetViewSelect } from '../targets/target-view';

/** The view of a target plus what an import needs to decide "unchanged": the ids and the sealed password. */
export const storedTargetSelect = {
  ...targetViewSelect,
  credentialId: true,
  credential: { select: { ...targetViewSelect.credential.select, ciphertext: true } },
} satisfies Prisma.TargetSelect;

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
  };
}

function samePassword(ciphertext: string, password: string): boolean {
  try {
    return openSecret(envKeyring(), ciphertext) === password;
  } catch {
    return false; // sealed under a key we no longer hold: re-sealing it is the fix
  }
}

function credentialChanged(want: InventoryEntry['credential'], have: StoredTarget['credential']): boolean {
  if (!want) return false;
  if (!have || want.username !== have.username) return true;
  if (want.password !== undefined) return have.ciphertext === null || !samePassword(have.ciphertext, want.password);
  const columns = credentialColumns(want, envKeyring);
  if (!('source' in columns)) return false; // `{ username }` alone keeps whatever password is stored
  return columns.source !== have.source || columns.reference !== have.reference;
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
