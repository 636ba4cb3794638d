import 'server-only';
import { z } from 'zod';
import { Document, isCollection, isMap, isScalar, isSeq } from 'yaml';
import { db } from '../../db';
import { backupSourceSchema, kubernetesRefsSchema } from '../../validations/target';
import { inventoryApiVersion, inventoryKind } from '../../validations/inventory-file';
import { authorize, type ServiceContext } from '../service-context';
import { toTargetView, targetViewSelect, type CredentialView, type TargetView } from '../targets/target-view';

const exportInputSchema = z.object({ includeArchived: z.boolean().default(false) }).strict();

const NOT_EXPORTED = ' password stored encrypted in Posture; not exported';

/** `namespace/name#key` as credentialColumns stores it; k8s names hold neither `/` nor `#`. */
const SECRET_REFERENCE = /^(?:([^/#]+)\/)?([^/#]+)#(.+)$/;

/** Only where the password lives is exported, never the password itself. */
function fileCredential(c: CredentialView) {
  if (c.source === 'env' && c.reference) return { username: c.username, passwordFromEnv: c.reference };
  const ref = c.source === 'k8s-secret' && c.reference ? SECRET_REFERENCE.exec(c.reference) : null;
  if (ref) return { username: c.username, passwordFromSecret: { namespace: ref[1], name: ref[2], key: ref[3] } };
  return { username: c.username };
}

/** Re-parsed through the schema only to restore its key order, which jsonb does not keep. */
function ordered<T>(schema: z.ZodType<T>, value: T | null): T | undefined {
  if (value === null) return undefined;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : value;
}

function fileEntry(t: TargetView) {
  const hasOwner = t.ownerTeam !== null || t.ownerEmail !== null;
  // yaml leaves out keys whose value is undefined, so absent fields simply do not appear.
  return {
    name: t.name,
    engine: t.engine,
    host: t.host,
    port: t.port,
    database: t.database ?? undefined,
    environment: t.environment,
    owner: hasOwner ? { team: t.ownerTeam ?? undefined, email: t.ownerEmail ?? undefined } : undefined,
    service: t.service ?? undefined,
    tags: t.tags.length > 0 ? t.tags : undefined,
    criticality: t.criticality,
    archived: t.archivedAt !== null ? true : undefined,
    kubernetes: ordered(kubernetesRefsSchema, t.kubernetes),
    backup: ordered(backupSourceSchema, t.backup),
    tlsServerName: t.tlsServerName ?? undefined,
    credential: t.credential ? fileCredential(t.credential) : undefined,
  };
}

/** Small leaf maps and lists (owner, tags, secret refs) go on one line, as a person would write them. */
function flowLeaves(node: unknown): void {
  if (!isCollection(node)) return;
  const children = isMap(node) ? node.items.map((p) => p.value) : node.items;
  if (children.every((c) => isScalar(c) && !c.comment) && children.length > 0) node.flow = true;
  else children.forEach(flowLeaves);
}

/** The inventory as a YAML file in the import format, sorted by name; importing it back changes nothing. */
export async function exportInventory(ctx: ServiceContext, input: { includeArchived?: boolean } = {}): Promise<string> {
  authorize(ctx, 'inventory:read');
  const { includeArchived } = exportInputSchema.parse(input);
  const rows = await db.target.findMany({
    where: includeArchived ? {} : { archivedAt: null },
    orderBy: { name: 'asc' },
    select: targetViewSelect,
  });
  const targets = rows.map(toTargetView);
  const doc = new Document({ apiVersion: inventoryApiVersion, kind: inventoryKind, databases: targets.map(fileEntry) });
  doc.commentBefore = ' Posture inventory. Edit and import it back: POST /api/v1/inventory/import (format: docs/inventory-format.md)';
  targets.forEach((t, i) => {
    if (t.credential?.source !== 'manual' || !t.credential.hasStoredSecret) return;
    const cred = doc.getIn(['databases', i, 'credential'], true);
    const username = isMap(cred) ? cred.get('username', true) : undefined;
    if (isScalar(username)) username.comment = NOT_EXPORTED;
  });
  const databases = doc.get('databases', true);
  for (const entry of isSeq(databases) ? databases.items : []) {
    if (isMap(entry)) entry.items.forEach((p) => flowLeaves(p.value));
  }
  return doc.toString({ lineWidth: 0 });
}
