import { createTargetSchema, credentialInputSchema, updateTargetSchema } from '../../validations/target';
import { archiveTargetSchema, recordRotationSchema, targetHistoryQuerySchema } from '../../validations/target-actions';
import { listDatabasesQuerySchema } from '../../validations/api/list-databases-query-schema';
import { databasePageSchema, databaseSchema } from '../../validations/api/database-schemas';
import { databaseDetailSchema } from '../../validations/api/database-detail-schema';
import { databaseCheckListSchema } from '../../validations/api/check-schemas';
import { databaseHistorySchema } from '../../validations/api/history-schema';
import { uuidParam } from '../../validations/api/common-schemas';
import { defineOperation } from '../api-operation';

const tag = 'Databases';

/** The inventory and each database's posture. */
export const databaseOperations = {
  list: defineOperation({
    operationId: 'listDatabases',
    method: 'get',
    path: '/api/v1/databases',
    tag,
    summary: 'List databases with their grade, score, last scan and failing counts',
    description: 'Keyset-paginated in name order: follow `nextCursor` until it is null. Filters combine with AND.',
    scopes: ['read'],
    query: listDatabasesQuerySchema,
    success: { status: 200, response: databasePageSchema },
    errors: [400],
  }),
  create: defineOperation({
    operationId: 'createDatabase',
    method: 'post',
    path: '/api/v1/databases',
    tag,
    summary: 'Add a database to the inventory',
    description: 'Same validation and audit as the UI. `credential.password` is encrypted on arrival and never returned.',
    scopes: ['write'],
    body: createTargetSchema,
    success: { status: 201, response: databaseSchema },
    errors: [400, 409],
  }),
  get: defineOperation({
    operationId: 'getDatabase',
    method: 'get',
    path: '/api/v1/databases/{id}',
    tag,
    summary: 'One database with every check (status, severity, evidence, remediation, compliance) and the what-if plan',
    scopes: ['read'],
    params: uuidParam,
    success: { status: 200, response: databaseDetailSchema },
    errors: [404],
  }),
  update: defineOperation({
    operationId: 'updateDatabase',
    method: 'patch',
    path: '/api/v1/databases/{id}',
    tag,
    summary: 'Change some fields of a database; fields left out stay as they are',
    scopes: ['write'],
    params: uuidParam,
    body: updateTargetSchema,
    success: { status: 200, response: databaseSchema },
    errors: [400, 404, 409],
  }),
  remove: defineOperation({
    operationId: 'deleteDatabase',
    method: 'delete',
    path: '/api/v1/databases/{id}',
    tag,
    summary: 'Delete a database and its history (archive it instead to keep the history)',
    scopes: ['write'],
    params: uuidParam,
    success: { status: 204 },
    errors: [404],
  }),
  history: defineOperation({
    operationId: 'getDatabaseHistory',
    method: 'get',
    path: '/api/v1/databases/{id}/history',
    tag,
    summary: 'Daily grade and score of one database over the last `days` days',
    scopes: ['read'],
    params: uuidParam,
    query: targetHistoryQuerySchema,
    success: { status: 200, response: databaseHistorySchema },
    errors: [400, 404],
  }),
  checks: defineOperation({
    operationId: 'listDatabaseChecks',
    method: 'get',
    path: '/api/v1/databases/{id}/checks',
    tag,
    summary: 'The latest result of every check on one database',
    scopes: ['read'],
    params: uuidParam,
    success: { status: 200, response: databaseCheckListSchema },
    errors: [404],
  }),
  archive: defineOperation({
    operationId: 'archiveDatabase',
    method: 'post',
    path: '/api/v1/databases/{id}/archive',
    tag,
    summary: 'Archive (stop scanning and grading, keep history) or unarchive a database',
    scopes: ['write'],
    params: uuidParam,
    body: archiveTargetSchema,
    success: { status: 200, response: databaseSchema },
    errors: [400, 404],
  }),
  setCredential: defineOperation({
    operationId: 'setDatabaseCredential',
    method: 'put',
    path: '/api/v1/databases/{id}/credential',
    tag,
    summary: "Replace the probe's login: a password (encrypted, write-only), an environment variable or a Kubernetes Secret",
    scopes: ['write'],
    params: uuidParam,
    body: credentialInputSchema,
    success: { status: 200, response: databaseSchema },
    errors: [400, 404],
  }),
  recordRotation: defineOperation({
    operationId: 'recordPasswordRotation',
    method: 'post',
    path: '/api/v1/databases/{id}/credential/rotation',
    tag,
    summary: 'Record that the password was rotated outside Posture; password.age counts from then',
    scopes: ['write'],
    params: uuidParam,
    body: recordRotationSchema,
    success: { status: 200, response: databaseSchema },
    errors: [400, 404, 409],
  }),
};

