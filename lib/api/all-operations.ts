import type { ApiOperation } from './api-operation';
import { databaseOperations } from './operations/database-operations';
import { fleetOperations } from './operations/fleet-operations';
import { scanOperations } from './operations/scan-operations';
import { settingsOperations } from './operations/settings-operations';

/** Every documented /api/v1 operation; the OpenAPI document, the docs page and the contract tests read this list. */
export const allOperations: readonly ApiOperation[] = [
  ...Object.values(fleetOperations),
  ...Object.values(databaseOperations),
  ...Object.values(scanOperations),
  ...Object.values(settingsOperations),
] as readonly ApiOperation[];
