import { custodyPolicySchema } from '../../custody/custody-policy';
import { networkPolicySchema } from '../../validations/network-policy';
import { adminsOnly, defineOperation } from '../api-operation';

const tag = 'Settings';

/** Admin settings that bound what Posture connects to, and where target secrets may come from. */
export const settingsOperations = {
  getCustodyPolicy: defineOperation({
    operationId: 'getCustodyPolicy',
    method: 'get',
    path: '/api/v1/settings/custody',
    tag,
    summary: 'Where target credentials may come from, and which backup commands and dump folders editors may name',
    description: adminsOnly,
    scopes: [],
    permission: 'security:override',
    success: { status: 200, response: custodyPolicySchema },
    errors: [],
  }),
  updateCustodyPolicy: defineOperation({
    operationId: 'updateCustodyPolicy',
    method: 'put',
    path: '/api/v1/settings/custody',
    tag,
    summary: 'Replace the custody policy (audited)',
    description:
      `passwordFromEnv may name only variables starting with one of \`envPrefixes\` (Posture's own variables never); passwordFromSecret only ` +
      `Secrets in \`secretNamespaces\`. Existing targets are judged again at every scan. ${adminsOnly}`,
    scopes: [],
    permission: 'security:override',
    body: custodyPolicySchema,
    success: { status: 200, response: custodyPolicySchema },
    errors: [400],
  }),
  getNetworkPolicy: defineOperation({
    operationId: 'getNetworkPolicy',
    method: 'get',
    path: '/api/v1/settings/network',
    tag,
    summary: 'Which private address ranges probes may reach (link-local and cloud metadata never)',
    description: adminsOnly,
    scopes: [],
    permission: 'security:override',
    success: { status: 200, response: networkPolicySchema },
    errors: [],
  }),
  updateNetworkPolicy: defineOperation({
    operationId: 'updateNetworkPolicy',
    method: 'put',
    path: '/api/v1/settings/network',
    tag,
    summary: 'Replace the private ranges probes may reach (audited)',
    description: adminsOnly,
    scopes: [],
    permission: 'security:override',
    body: networkPolicySchema,
    success: { status: 200, response: networkPolicySchema },
    errors: [400],
  }),
};
