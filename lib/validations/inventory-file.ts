import { z } from 'zod';
import { credentialInputSchema, defaultPortFor, targetFieldsSchema } from './target';

const field = targetFieldsSchema.shape;

export const inventoryApiVersion = 'posture/v1';
/** The largest inventory file the API takes. */
export const MAX_INVENTORY_BYTES = 2 * 1024 * 1024;
export const inventoryKind = 'Inventory';

/** One `databases[]` entry. It describes the whole target: a field left out is cleared on update. */
export const inventoryEntrySchema = z
  .object({
    name: field.name, // the upsert key, unique across the whole file
    engine: field.engine,
    host: field.host,
    port: field.port.optional(), // defaults to the engine's well-known port
    database: field.database,
    environment: field.environment.default('production'),
    owner: z.object({ team: field.ownerTeam, email: field.ownerEmail }).strict().nullable().optional(),
    service: field.service,
    tags: field.tags.default([]),
    criticality: field.criticality.default('medium'),
    archived: z.boolean().default(false), // archived targets stay in the store but are not scanned
    kubernetes: field.kubernetes,
    backup: field.backup,
    tlsServerName: field.tlsServerName,
    // Left out, the stored credential is kept; `{ username }` alone keeps the stored password too. Either way a
    // changed engine, host, port or TLS server name drops it: the credential is bound to its endpoint.
    credential: credentialInputSchema.optional(),
  })
  .strict()
  .transform(({ owner, port, ...rest }) => ({
    ...rest,
    port: port ?? defaultPortFor(rest.engine),
    ownerTeam: owner?.team,
    ownerEmail: owner?.email,
  }));

/** One YAML document of an inventory file; a file may hold several, separated by `---`. */
export const inventoryDocumentSchema = z
  .object(
    {
      apiVersion: z.literal(inventoryApiVersion, `must be ${inventoryApiVersion}`),
      kind: z.literal(inventoryKind, `must be ${inventoryKind}`),
      databases: z.array(inventoryEntrySchema, { error: 'must be a list of database entries' }).default([]),
    },
    { error: (iss) => (iss.code === 'invalid_type' ? 'must be a map with apiVersion, kind and databases' : undefined) },
  )
  .strict();

export type InventoryEntry = z.output<typeof inventoryEntrySchema>;
export type InventoryDocument = z.output<typeof inventoryDocumentSchema>;
