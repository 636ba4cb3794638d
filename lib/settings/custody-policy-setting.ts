import { CUSTODY_POLICY_KEY, custodyPolicySchema } from '../custody/custody-policy';
import { defineSetting } from './define-setting';

/** What editors may point Posture's secrets and executables at; only admins change it. */
export const custodyPolicySetting = defineSetting({
  key: CUSTODY_POLICY_KEY,
  schema: custodyPolicySchema,
  permission: 'security:override',
  auditAction: 'custody.policy.update',
});
