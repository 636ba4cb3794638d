import type { ApiOperation } from './api-operation';
import { alertOperations } from './operations/alert-operations';
import { complianceOperations } from './operations/compliance-operations';
import { databaseOperations } from './operations/database-operations';
import { discoveryOperations } from './operations/discovery-operations';
import { exceptionOperations } from './operations/exception-operations';
import { fleetOperations } from './operations/fleet-operations';
import { metaOperations } from './operations/meta-operations';
import { notificationChannelOperations } from './operations/notification-channel-operations';
import { scanOperations } from './operations/scan-operations';
import { settingsOperations } from './operations/settings-operations';
import { tokenOperations } from './operations/token-operations';
import { userOperations } from './operations/user-operations';

/** Every documented /api/v1 operation; the OpenAPI document, the docs page and the contract tests read this list. */
export const allOperations: readonly ApiOperation[] = [
  ...Object.values(fleetOperations),
  ...Object.values(databaseOperations),
  ...Object.values(scanOperations),
  ...Object.values(exceptionOperations),
  ...Object.values(complianceOperations),
  ...Object.values(discoveryOperations),
  ...Object.values(alertOperations),
  ...Object.values(notificationChannelOperations),
  ...Object.values(settingsOperations),
  ...Object.values(userOperations),
  ...Object.values(tokenOperations),
  ...Object.values(metaOperations),
] as readonly ApiOperation[];
