import { defaultNetworkPolicy } from '../network/network-policy';
import { NETWORK_POLICY_KEY, networkPolicySchema } from '../validations/network-policy';
import { defineSetting } from './define-setting';

/** Which private ranges probes may reach (loopback and private ranges by default); widening it is an admin's call. */
export const networkPolicySetting = defineSetting({
  key: NETWORK_POLICY_KEY,
  schema: networkPolicySchema,
  permission: 'security:override',
  defaults: { allowedPrivateRanges: [...defaultNetworkPolicy.allowedPrivateRanges] },
  auditAction: 'network.policy.update',
});
