import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const rule = 'import/no-restricted-paths';

// [file the import is written in, what it imports]; the files need not exist, their folders do.
const refused: [string, string][] = [
  ['app/(dashboard)/layer-probe/page.tsx', '@/lib/db'],
  ['app/(dashboard)/layer-probe/page.tsx', '../../../lib/db'],
  ['app/(dashboard)/layer-probe/page.tsx', '@/lib/generated/prisma/client'],
  ['app/(dashboard)/layer-probe/page.tsx', '@/lib/settings/alert-setting'],
  ['app/(dashboard)/layer-probe/page.tsx', '@/lib/fleet/grade-fleet-from-store'],
  ['app/(dashboard)/layer-probe/page.tsx', '@/lib/queue/job-queue-client'],
  ['app/(dashboard)/layer-probe/page.tsx', '@/lib/scan/run-scan'],
  ['app/(dashboard)/layer-probe/page.tsx', '@/lib/crypto/keyring'],
  ['app/api/v1/layer-probe/route.ts', 'pg'],
  ['app/api/v1/layer-probe/route.ts', '@prisma/client'],
  ['lib/probes/layer-probe.ts', '../db'],
  ['lib/probes/layer-probe.ts', '@/lib/services/service-context'],
  ['lib/probes/layer-probe.ts', 'next/server'],
  ['lib/checks/layer-probe.ts', 'react'],
  ['lib/checks/layer-probe.ts', '../jobs/all-jobs'],
  ['lib/checks/layer-probe.ts', '../scan/run-scan'],
  ['lib/grading/layer-probe.ts', '../http/api-route'],
  ['lib/grading/layer-probe.ts', '../auth/require-user'],
  ['lib/grading/layer-probe.ts', '../store/migrate'],
  ['lib/services/targets/layer-probe.ts', '../../auth/require-user'],
  ['lib/services/targets/layer-probe.ts', '../../jobs/all-jobs'],
  ['lib/services/targets/layer-probe.ts', 'next/navigation'],
  ['lib/services/targets/layer-probe.ts', 'react'],
  ['lib/services/targets/layer-probe.ts', 'next-auth/jwt'],
  ['lib/services/targets/layer-probe.ts', '../../../app/layout'],
  ['lib/scan/layer-probe.ts', '../services/service-context'],
  ['lib/alerts/layer-probe.ts', '../services/settings/get-setting'],
  ['lib/settings/layer-probe.ts', '../services/audit/write-audit'],
  ['lib/store/layer-probe.ts', '../services/service-context'],
];

// The layers still let these through: a rule that refused everything would pass the list above too.
const allowed: [string, string][] = [
  ['app/(dashboard)/layer-probe/page.tsx', '@/lib/services/settings/get-setting'],
  ['app/(dashboard)/layer-probe/page.tsx', '@/lib/generated/prisma/enums'],
  ['app/(dashboard)/layer-probe/page.tsx', '@/lib/scan/scan-spec'],
  ['app/(dashboard)/layer-probe/page.tsx', '@/lib/auth/require-user'],
  ['lib/probes/layer-probe.ts', 'pg'],
  ['lib/probes/layer-probe.ts', '../network/cidr'],
  ['lib/grading/layer-probe.ts', '../checks/check-definition'],
  ['lib/services/targets/layer-probe.ts', '../../db'],
  ['lib/services/targets/layer-probe.ts', '../../scan/regrade-target'],
  ['lib/scan/layer-probe.ts', '../settings/network-policy-setting'],
  ['lib/auth/layer-probe.ts', '../services/service-context'],
];

describe('the layer rules in eslint.config.js', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: root });
  });

  const layerMessages = async (file: string, specifier: string) => {
    const [result] = await eslint.lintText(`import * as imported from '${specifier}';\n\nexport const used = imported;\n`, { filePath: path.join(root, file) });
    return (result?.messages ?? []).filter((m) => m.ruleId === rule || m.fatal);
  };

  it.each(refused)('refuse, in %s, an import of %s', async (file, specifier) => {
    const messages = await layerMessages(file, specifier);
    expect(messages.map((m) => m.ruleId)).toEqual([rule]);
  });

  it.each(allowed)('allow, in %s, an import of %s', async (file, specifier) => {
    expect(await layerMessages(file, specifier)).toEqual([]);
  });
});
