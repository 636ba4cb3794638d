import { uuidParam } from '../../validations/api/common-schemas';
import { scanSchema } from '../../validations/api/scan-schema';
import { defineOperation } from '../api-operation';

const tag = 'Scans';

export const scanOperations = {
  request: defineOperation({
    operationId: 'requestScan',
    method: 'post',
    path: '/api/v1/databases/{id}/scans',
    tag,
    summary: 'Queue a scan of one database now; poll GET /api/v1/scans/{id} for its result',
    scopes: ['scan'],
    permission: 'scan:run',
    params: uuidParam,
    success: { status: 202, response: scanSchema },
    errors: [404, 409],
  }),
  get: defineOperation({
    operationId: 'getScan',
    method: 'get',
    path: '/api/v1/scans/{id}',
    tag,
    summary: "A scan's status and, once it has succeeded, the database's score and grade",
    scopes: ['read', 'scan'],
    permission: ['inventory:read', 'scan:read'],
    params: uuidParam,
    success: { status: 200, response: scanSchema },
    errors: [404],
  }),
};
