import { z } from 'zod';
import { findingFiltersSchema, listFindingsQuerySchema } from '../../validations/finding';
import { findingPageSchema } from '../../validations/api/finding-page-schema';
import { scoresSchema } from '../../validations/api/scores-schema';
import { inventoryExportQuerySchema, inventoryImportQuerySchema } from '../../validations/target-actions';
import { MAX_INVENTORY_BYTES } from '../../validations/inventory-file';
import { fleetOverviewQuerySchema } from '../../validations/fleet';
import { fleetOverviewSchema, fleetRollupSchema } from '../../validations/api/fleet-overview-schema';
import { adminsOnly, defineOperation } from '../api-operation';

export const fleetOperations = {
  overview: defineOperation({
    operationId: 'getFleetOverview',
    method: 'get',
    path: '/api/v1/fleet',
    tag: 'Fleet',
    summary: 'The overview: grade with and without exceptions, the trend over `days`, and the attention lists',
    description: 'Certificates expiring, passwords due, stale backups and the worst databases; each list holds ten at most, with its total.',
    scopes: ['read'],
    permission: 'inventory:read',
    query: fleetOverviewQuerySchema,
    success: { status: 200, response: fleetOverviewSchema },
    errors: [400],
  }),
  rollup: defineOperation({
    operationId: 'rollupFleet',
    method: 'post',
    path: '/api/v1/fleet/rollup',
    tag: 'Fleet',
    summary: "Write today's fleet snapshot now instead of at the next quarter-hour roll-up (audited)",
    description: adminsOnly,
    scopes: [],
    permission: 'users:manage',
    success: { status: 200, response: fleetRollupSchema },
    errors: [],
  }),
  scores: defineOperation({
    operationId: 'getScores',
    method: 'get',
    path: '/api/v1/scores',
    tag: 'Fleet',
    summary: 'The fleet score and grade (with and without exceptions), failing checks by severity, databases by grade',
    scopes: ['read'],
    permission: 'inventory:read',
    success: { status: 200, response: scoresSchema },
    errors: [],
  }),
  findings: defineOperation({
    operationId: 'listFindings',
    method: 'get',
    path: '/api/v1/findings',
    tag: 'Findings',
    summary: 'Every failing, warning or erroring check on the active databases, filtered, sorted and paginated',
    scopes: ['read'],
    permission: 'inventory:read',
    query: listFindingsQuerySchema.strict(),
    success: { status: 200, response: findingPageSchema },
    errors: [400],
  }),
  findingsCsv: defineOperation({
    operationId: 'exportFindingsCsv',
    method: 'get',
    path: '/api/v1/findings/export',
    tag: 'Findings',
    summary: 'The same findings as CSV (formula-like cells neutralised); X-Total-Count and X-Truncated headers',
    scopes: ['read'],
    permission: 'inventory:read',
    query: findingFiltersSchema.strict(),
    success: { status: 200, response: z.string(), contentType: 'text/csv' },
    errors: [400],
  }),
  inventoryExport: defineOperation({
    operationId: 'exportInventory',
    method: 'get',
    path: '/api/v1/inventory/export',
    tag: 'Inventory',
    summary: 'The inventory as YAML (credentials as references only), ready to edit and import back',
    scopes: ['read'],
    permission: 'inventory:read',
    query: inventoryExportQuerySchema,
    success: { status: 200, response: z.string(), contentType: 'application/yaml' },
    errors: [400],
  }),
  inventoryImport: defineOperation({
    operationId: 'importInventory',
    method: 'post',
    path: '/api/v1/inventory/import',
    tag: 'Inventory',
    summary: 'Import a YAML inventory file, all or nothing; every error names its document, line and field',
    scopes: ['write'],
    permission: 'inventory:write',
    query: inventoryImportQuerySchema,
    body: z.string().meta({ description: 'the YAML file (docs/inventory-format.md), at most 2 MB' }),
    requestContentType: 'application/yaml',
    maxBodyBytes: MAX_INVENTORY_BYTES,
    success: {
      status: 200,
      response: z.object({ created: z.array(z.string()), updated: z.array(z.string()), unchanged: z.array(z.string()) }).meta({ id: 'ImportSummary' }),
    },
    errors: [400],
  }),
};
