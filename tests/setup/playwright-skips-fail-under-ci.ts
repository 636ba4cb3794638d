import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** The e2e counterpart of skips-fail-under-ci: skipped specs are listed with their reason, and fail the run under CI=true. */
export default class PlaywrightSkipsFailUnderCi implements Reporter {
  private readonly skipped: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reason = test.annotations.find((a) => a.type === 'skip' || a.type === 'fixme')?.description;
    this.skipped.push(`${test.titlePath().filter(Boolean).join(' > ')}: ${reason ?? 'skipped without a reason'}`);
  }

  async onEnd(result: FullResult): Promise<{ status?: FullResult['status'] } | undefined> {
    if (this.skipped.length === 0) return undefined;
    process.stderr.write(`\n${this.skipped.length} e2e test(s) skipped:\n${this.skipped.map((s) => `  - ${s}`).join('\n')}\n`);
    if (process.env.CI !== 'true' || result.status !== 'passed') return undefined;
    process.stderr.write('Under CI=true a skip is a failure: install what the reason names, or make the need go away.\n');
    return { status: 'failed' };
  }
}
