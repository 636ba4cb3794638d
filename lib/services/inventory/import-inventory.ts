import { z } from 'zod';
import { db } from '../../db';
import { Prisma } from '../../generated/prisma/client';
import { envKeyring } from '../../crypto/keyring';
import { AppError } from '../../errors/app-error';
import type { InventoryEntry } from '../../validations/inventory-file';
import { authorize, type ServiceContext } from '../service-context';
import { writeAudit } from '../audit/write-audit';
import { credentialColumns, describeCredential } from '../targets/credential-columns';
import { isUniqueViolation } from '../targets/name-conflict';
import { toBackupColumns } from '../targets/target-view';
import { diffInventoryEntry, storedTargetSelect } from './diff-inventory-entry';
import { parseInventoryFile } from './parse-inventory-file';
import { loadNetworkPolicy } from '../settings/load-network-policy';
import { assertHostAllowed } from '../targets/assert-host-allowed';

export const MAX_INVENTORY_BYTES = 2 * 1024 * 1024;

const importInputSchema = z
  .object({
    yaml: z.string().max(MAX_INVENTORY_BYTES, 'the file is larger than 2 MB'),
    allowLiteralPasswords: z.boolean().default(false),
  })
  .strict();

export interface ImportSummary {
  created: string[];
  updated: string[];
  unchanged: string[];
}

/** Every target column an entry sets; cleared fields become null, because the entry describes the whole target. */
function targetColumns(entry: InventoryEntry) {
  const { kubernetes, backup } = entry;
  return {
    name: entry.name,
    engine: entry.engine,
    host: entry.host,
    port: entry.port,
    database: entry.database ?? null,
    environment: entry.environment,
    ownerTeam: entry.ownerTeam ?? null,
    ownerEmail: entry.ownerEmail ?? null,
    service: entry.service ?? null,
    tags: entry.tags,
    criticality: entry.criticality,
    k8s: kubernetes ? (kubernetes as Prisma.InputJsonValue) : Prisma.DbNull,
    ...toBackupColumns(backup ?? null),
  };
}

/** The audit diff of a created target: what the file said, with the credential described, never its secret. */
function creationDiff(entry: InventoryEntry) {
  const { credential, ...fields } = entry;
  return { ...fields, credential: credential ? describeCredential(credential) : undefined };
}

/**
 * Upserts every entry of an inventory file by name, all or nothing: the whole file is validated first,
 * then one transaction writes it. Entries identical to the store are left alone and write no audit row.
 */
export async function importInventory(
  ctx: ServiceContext,
  input: { yaml: string; allowLiteralPasswords?: boolean },
): Promise<ImportSummary> {
  authorize(ctx, 'inventory:write');
  const { yaml, allowLiteralPasswords } = importInputSchema.parse(input);
  const entries = parseInventoryFile(yaml, { allowLiteralPasswords });
  if (entries.some((e) => e.credential)) authorize(ctx, 'credentials:write');
  const policy = await loadNetworkPolicy(db);
  // Each distinct host once, in parallel: a fleet file names thousands of databases on far fewer hosts.
  const hosts = new Map(entries.map((e) => [e.host, e.name] as const));
  await Promise.all([...hosts].map(([host, name]) => assertHostAllowed(host, policy, `${name}: host`)));

  const summary: ImportSummary = { created: [], updated: [], unchanged: [] };
  try {
    await db.$transaction(
      async (tx) => {
        const now = new Date();
        const stored = await tx.target.findMany({ where: { name: { in: entries.map((e) => e.name) } }, select: storedTargetSelect });
        const byName = new Map(stored.map((t) => [t.name, t]));
        for (const entry of entries) {
          const prev = byName.get(entry.name);
          const { credential } = entry;
          if (!prev) {
            const cred = credential
              ? await tx.credential.create({ data: credentialColumns(credential, envKeyring), select: { id: true } })
              : null;
            const row = await tx.target.create({
              data: { ...targetColumns(entry), archivedAt: entry.archived ? now : null, credentialId: cred?.id ?? null },
              select: { id: true },
            });
            await writeAudit(tx, ctx, { action: 'inventory.import.create', entity: 'target', entityId: row.id, diff: creationDiff(entry) });
            summary.created.push(entry.name);
            continue;
          }
          const diff = diffInventoryEntry(entry, prev);
          if (!diff.changed) {
            summary.unchanged.push(entry.name);
            continue;
          }
          await tx.target.update({
            where: { id: prev.id },
            data: { ...targetColumns(entry), archivedAt: entry.archived ? (prev.archivedAt ?? now) : null },
          });
          if (credential && diff.credentialChanged) {
            const columns = credentialColumns(credential, envKeyring);
            if (prev.credentialId) {
              await tx.credential.update({ where: { id: prev.credentialId }, data: columns });
            } else {
              const created = await tx.credential.create({ data: columns, select: { id: true } });
              await tx.target.update({ where: { id: prev.id }, data: { credentialId: created.id } });
            }
          }
          await writeAudit(tx, ctx, {
            action: 'inventory.import.update',
            entity: 'target',
            entityId: prev.id,
            diff: { ...diff.fields, ...(credential && diff.credentialChanged ? { credential: describeCredential(credential) } : {}) },
          });
          summary.updated.push(entry.name);
        }
        if (summary.created.length + summary.updated.length > 0) {
          await writeAudit(tx, ctx, {
            action: 'inventory.import',
            entity: 'inventory',
            diff: { created: summary.created.length, updated: summary.updated.length, unchanged: summary.unchanged.length },
          });
        }
      },
      // A fleet-sized file is thousands of statements; the 5 s default is for single-row changes.
      { timeout: 120_000 },
    );
  } catch (e) {
    // Someone created one of these names between our read and our write; nothing was written.
    if (isUniqueViolation(e)) throw new AppError('conflict', 'A database in the file was created meanwhile by someone else; import again');
    throw e;
  }
  return summary;
}
