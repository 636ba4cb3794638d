import { jsonObject } from '../../validations/api/common-schemas';
import { defineOperation } from '../api-operation';

/** The API describing itself. */
export const metaOperations = {
  openApi: defineOperation({
    operationId: 'getOpenApiDocument',
    method: 'get',
    path: '/api/v1/openapi.json',
    tag: 'Meta',
    summary: 'This document: OpenAPI 3.1, generated from the schemas the server validates with',
    description: 'Any authenticated caller may read it, whatever its scopes or role: it describes the API, never data.',
    scopes: ['read', 'scan', 'write'],
    permission: null,
    success: { status: 200, response: jsonObject.meta({ description: 'an OpenAPI 3.1 document' }) },
    errors: [],
  }),
};
