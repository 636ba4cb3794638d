import { db } from '../../lib/db';
import type { Prisma } from '../../lib/generated/prisma/client';
import { CUSTODY_POLICY_KEY, custodyPolicySchema, type CustodyPolicyInput } from '../../lib/custody/custody-policy';

/**
 * Stores a custody policy for one test file and returns the undo: the store is shared by every file of the run, so
 * a file that widens the policy must put back what it found.
 */
export async function setCustodyPolicyForTest(input: CustodyPolicyInput): Promise<() => Promise<void>> {
  const before = await db.setting.findUnique({ where: { key: CUSTODY_POLICY_KEY } });
  const value = custodyPolicySchema.parse(input) as Prisma.InputJsonValue;
  await db.setting.upsert({ where: { key: CUSTODY_POLICY_KEY }, create: { key: CUSTODY_POLICY_KEY, value }, update: { value } });
  return async () => {
    if (before) await db.setting.update({ where: { key: CUSTODY_POLICY_KEY }, data: { value: before.value as Prisma.InputJsonValue } });
    else await db.setting.deleteMany({ where: { key: CUSTODY_POLICY_KEY } });
  };
}
