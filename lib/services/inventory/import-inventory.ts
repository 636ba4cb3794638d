import 'server-only';
import { z } from 'zod';
import { db } from '../../db';
import { Prisma } from '../../generated/prisma/client';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../errors/app-error';
import { MAX_INVENTORY_BYTES, type InventoryEntry } from '../../validations/inventory-file';
import { authorize, type ServiceContext } from '../service-context';
import { writeAudit } from '../audit/write-audit';
import { describeCredential } from '../targets/credential-columns';
import { writeTargetCredential } from '../targets/write-target-credential';
import { changedEndpointFields } from '../../crypto/credential-binding';
import type { CustodyPolicy } from '../../custody/custody-policy';
import { envReferenceRefusal, secretNamespaceRefusal } from '../../custody/judge-credential-reference';
import { backupSourceProblems } from '../../custody/judge-backup-source';
import { custodyPolicySetting } from '../../settings/custody-policy-setting';
import { isUniqueViolation } from '../targets/name-conflict';
import { toBackupColumns } from '../targets/target-view';
import { diffInventoryEntry, storedTargetSelect } from './diff-inventory-entry';
import { parseInventoryFile } from './parse-inventory-file';
import { networkPolicySetting } from '../../settings/network-policy-setting';
import { assertHostAllowed } from '../targets/assert-host-allowed';

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
    tlsServerName: entry.tlsServerName ?? null,
  };
}

/** The audit diff of a created target: what the file said, with the credential described, never its secret. */
function creationDiff(entry: InventoryEntry) {
  const { credential, ...fields } = entry;
  return { ...fields, credential: credential ? describeCredential(credential) : undefined };
}

/** Where the entry sends its credential, in the shape credential bindings compare; the CA bundle is not in the file. */
const endpointOf = (e: { engine: string; host: string; port: number; tlsServerName?: string | null }, caPem: string | null) => ({
  engine: e.engine, host: e.host, port: e.port, tlsServerName: e.tlsServerName ?? null, caPem,
});

/**
 * Upserts every entry of an inventory file by name, all or nothing: the whole file is validated first (schema,
 * custody policy), then one transaction writes it. Entries identical to the store are left alone and write no
 * audit row. A moved entry (engine, host, port, TLS server name) drops its stored credential unless it names one.
 */
export async function importInventory(
  ctx: ServiceContext,
  input: { yaml: string; allowLiteralPasswords?: boolean },
): Promise<ImportSummary> {
  authorize(ctx, 'inventory:write');
  const { yaml, allowLiteralPasswords } = importInputSchema.parse(input);
  const custody = await custodyPolicySetting.load();
  const entries = parseInventoryFile(yaml, { allowLiteralPasswords, checkEntry: (entry) => [...credentialProblems(entry, custody), ...backupProblems(entry, custody)] });
  if (entries.some((e) => e.credential)) authorize(ctx, 'credentials:write');
  const policy = await networkPolicySetting.load();
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
            const id = randomUUID();
            await tx.target.create({ data: { id, ...targetColumns(entry), archivedAt: entry.archived ? now : null }, select: { id: true } });
            if (credential) await writeTargetCredential(tx, ctx, { targetId: id, before: null, after: endpointOf(entry, null), input: credential, action: 'credential.set' });
            await writeAudit(tx, ctx, { action: 'inventory.import.create', entity: 'target', entityId: id, diff: creationDiff(entry) });
            summary.created.push(entry.name);
            continue;
          }
          const before = endpointOf(prev, prev.caPem);
          const after = endpointOf(entry, prev.caPem);
          const holdsSecret = prev.credential !== null && (prev.credential.keyId !== null || prev.credential.reference !== null);
          const unbinds = holdsSecret && changedEndpointFields(before, after).length > 0;
          const diff = diffInventoryEntry(entry, prev);
          if (!diff.changed && !unbinds) {
            summary.unchanged.push(entry.name);
            continue;
          }
          await tx.target.update({
            where: { id: prev.id },
            data: {
              ...targetColumns(entry),
              archivedAt: entry.archived ? (prev.archivedAt ?? now) : null,
              ...(changedEndpointFields(before, after).length > 0 ? { tlsPinSha256: null } : {}),
            },
          });
          const supplied = credential && (diff.credentialChanged || unbinds) ? credential : undefined;
          await writeTargetCredential(tx, ctx, { targetId: prev.id, before, after, input: supplied, action: 'credential.replace' });
          await writeAudit(tx, ctx, { action: 'inventory.import.update', entity: 'target', entityId: prev.id, diff: diff.fields });
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

/** The entry's backup source against the custody policy, as located problems. */
function backupProblems(entry: InventoryEntry, custody: CustodyPolicy): { path: string[]; message: string }[] {
  return backupSourceProblems(entry.backup, custody).map((p) => ({ path: ['backup', ...p.path], message: p.message }));
}

/** The entry's credential against the custody policy, as located problems (never the secret). */
function credentialProblems(entry: InventoryEntry, custody: CustodyPolicy): { path: string[]; message: string }[] {
  const c = entry.credential;
  if (!c) return [];
  const out: { path: string[]; message: string }[] = [];
  if (c.passwordFromEnv !== undefined) {
    const why = envReferenceRefusal(c.passwordFromEnv, custody);
    if (why) out.push({ path: ['credential', 'passwordFromEnv'], message: `is refused: ${why}` });
  }
  if (c.passwordFromSecret !== undefined) {
    const why = secretNamespaceRefusal(c.passwordFromSecret.namespace ?? entry.kubernetes?.namespace, custody);
    if (why) out.push({ path: ['credential', 'passwordFromSecret', 'namespace'], message: `is refused: ${why}` });
  }
  return out;
}
