import { z } from 'zod';
import { isCidr } from '../network/network-policy';

/** The Setting row that holds the probes' network allow-list. */
export const NETWORK_POLICY_KEY = 'network.policy';

export const networkPolicySchema = z
  .object({
    /** loopback/private ranges probes may reach (CIDR); link-local and cloud metadata are refused regardless */
    allowedPrivateRanges: z
      .array(z.string().trim().refine(isCidr, 'must be an IP range in CIDR form, e.g. 10.0.0.0/8 or fd12::/16'))
      .max(100, 'at most 100 ranges')
      .transform((list) => [...new Set(list)]),
  })
  .strict();

export type NetworkPolicyInput = z.input<typeof networkPolicySchema>;
