import { apiTokenListSchema, apiTokenSchema, createApiTokenSchema, createdApiTokenSchema } from '../../validations/api/api-token-schemas';
import { uuidParam } from '../../validations/api/common-schemas';
import { adminsOnly, defineOperation } from '../api-operation';

const tag = 'API tokens';
const noTokens = `A token can never mint, list or revoke tokens. ${adminsOnly}`;

/** The API tokens themselves; only their SHA-256 is stored. */
export const tokenOperations = {
  list: defineOperation({
    operationId: 'listApiTokens',
    method: 'get',
    path: '/api/v1/tokens',
    tag,
    summary: 'Every API token, active ones first: name, prefix, scopes, expiry and last use, never the secret',
    description: noTokens,
    scopes: [],
    permission: 'tokens:manage',
    success: { status: 200, response: apiTokenListSchema },
    errors: [],
  }),
  create: defineOperation({
    operationId: 'createApiToken',
    method: 'post',
    path: '/api/v1/tokens',
    tag,
    summary: 'Create an API token; the answer holds the secret this once (audited)',
    description: `\`expiresIn\` is a duration like 12h, 90d, 4w or 1y (at most 2 years); null or left out never expires. ${noTokens}`,
    scopes: [],
    permission: 'tokens:manage',
    body: createApiTokenSchema,
    success: { status: 201, response: createdApiTokenSchema },
    errors: [400],
  }),
  revoke: defineOperation({
    operationId: 'revokeApiToken',
    method: 'delete',
    path: '/api/v1/tokens/{id}',
    tag,
    summary: 'Revoke a token; the next request that carries it gets a 401. It stays listed as revoked (audited)',
    description: noTokens,
    scopes: [],
    permission: 'tokens:manage',
    params: uuidParam,
    success: { status: 200, response: apiTokenSchema },
    errors: [404],
  }),
};
