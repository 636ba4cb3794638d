import type { Reporter, TestCase, Vitest } from 'vitest/node';

/**
 * Every skipped test is listed with its reason at the end of the run; under CI=true a whole-suite run that skipped
 * anything fails, so a missing package or tool can never pass as green.
 */
export default class SkipsFailUnderCi implements Reporter {
  private vitest: Vitest | undefined;
  private readonly skipped: string[] = [];

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestCaseResult(testCase: TestCase): void {
    const result = testCase.result();
    if (result.state === 'skipped') this.skipped.push(`${testCase.module.relativeModuleId} > ${testCase.fullName}: ${result.note ?? 'skipped without a reason'}`);
  }

  onTestRunEnd(): void {
    if (this.skipped.length === 0) return;
    // tests left out by -t are reported as skipped too; they are the caller's choice, not a missing tool
    if (this.vitest?.config.testNamePattern) return;
    process.stderr.write(`\n${this.skipped.length} test(s) skipped:\n${this.skipped.map((s) => `  - ${s}`).join('\n')}\n`);
    if (process.env.CI === 'true') {
      process.stderr.write('Under CI=true a skip is a failure: install what the reason names, or make the need go away.\n');
      process.exitCode = 1;
    }
  }
}
