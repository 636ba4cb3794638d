import { describe, expect, it } from 'vitest';
import type { Observations } from '../probes/observations/observations';
import type { CheckDefinition, CheckStatus } from './check-definition';

export interface VerdictCase {
  name: string;
  obs: Observations;
  status: CheckStatus;
  summary?: RegExp;
  /** expected cap; when omitted the verdict must carry none */
  cap?: 'F';
  evidence?: Record<string, unknown>;
}

/** Table-driven test of one check: status, summary, cap and (partial) evidence per case. Test-only. */
export function describeVerdicts(check: CheckDefinition, cases: VerdictCase[]): void {
  describe(`${check.id} verdicts`, () => {
    it.each(cases)('$name → $status', ({ obs, status, summary, cap, evidence }) => {
      const v = check.evaluate(obs);
      expect(v.status).toBe(status);
      if (summary) expect(v.summary).toMatch(summary);
      expect(v.cap).toBe(cap);
      if (evidence) expect(v.evidence).toMatchObject(evidence);
      expect(JSON.parse(JSON.stringify(v.evidence))).toEqual(v.evidence);
    });
  });
}
