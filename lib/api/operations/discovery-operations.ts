import { addDiscoveredSchema } from '../../validations/discovery-inputs';
import { discoverySettingsSchema } from '../../discovery/discovery-settings';
import { addedTargetsSchema, discoveryOverviewSchema, discoveryRunSchema, discoverySettingsViewSchema } from '../../validations/api/discovery-schemas';
import { adminsOnly, defineOperation } from '../api-operation';

const tag = 'Discovery';

/** Database workloads found in Kubernetes, proposed for the inventory. */
export const discoveryOperations = {
  overview: defineOperation({
    operationId: 'getDiscovery',
    method: 'get',
    path: '/api/v1/discovery',
    tag,
    summary: 'Every proposal (new, in the inventory or gone), the last pass and the discovery settings',
    scopes: ['read'],
    permission: 'inventory:read',
    success: { status: 200, response: discoveryOverviewSchema },
    errors: [],
  }),
  run: defineOperation({
    operationId: 'runDiscovery',
    method: 'post',
    path: '/api/v1/discovery/runs',
    tag,
    summary: 'Run one discovery pass now and answer with it (audited)',
    description:
      'A refused list makes the pass `partial`, not a failed request; a pass that could not read the cluster at all is `failed`. ' +
      '400 when Posture has no Kubernetes access (POSTURE_KUBECONFIG, or in-cluster).',
    scopes: ['write'],
    permission: 'inventory:write',
    success: { status: 201, response: discoveryRunSchema },
    errors: [400],
  }),
  add: defineOperation({
    operationId: 'addDiscoveredDatabases',
    method: 'post',
    path: '/api/v1/discovery/add',
    tag,
    summary: 'Add chosen proposals (`ids`), or every new one (`all: true`), to the inventory',
    description: 'A proposal already in the inventory or gone is refused (409). One whose password comes from a Secret also needs the credential right.',
    scopes: ['write'],
    permission: 'inventory:write',
    body: addDiscoveredSchema,
    success: { status: 201, response: addedTargetsSchema },
    errors: [400, 404, 409],
  }),
  getSettings: defineOperation({
    operationId: 'getDiscoverySettings',
    method: 'get',
    path: '/api/v1/discovery/settings',
    tag,
    summary: 'Which kubeconfig context and namespaces discovery reads, and where it adds workloads unreviewed',
    scopes: ['read'],
    permission: 'inventory:read',
    success: { status: 200, response: discoverySettingsViewSchema },
    errors: [],
  }),
  updateSettings: defineOperation({
    operationId: 'updateDiscoverySettings',
    method: 'put',
    path: '/api/v1/discovery/settings',
    tag,
    summary: 'Replace the discovery settings (audited)',
    description: `Auto-add puts workloads into the inventory without review, so only admins set it. ${adminsOnly}`,
    scopes: [],
    permission: 'security:override',
    body: discoverySettingsSchema,
    success: { status: 200, response: discoverySettingsViewSchema },
    errors: [400],
  }),
};
