import { expect, test } from '@playwright/test';
import { e2eUser } from './helpers/e2e-user';
import { createLabDatabase, lab, scanViaApi } from './helpers/lab';
import { login } from './helpers/login';

test.describe('grades explain their caps and link to the written policy', () => {
  test('a database page names its cap, every badge leads to /grading, and the overview says what caps the fleet', async ({ page }) => {
    test.setTimeout(120_000);
    const admin = e2eUser('admin');
    await login(page, admin.email, admin.password);
    const id = await createLabDatabase(page, `grading-expired-${Date.now()}`, lab().certExpiredPort);
    await scanViaApi(page, id);

    await page.goto(`/databases/${id}`);
    const note = page.locator('.posture').getByRole('note');
    await expect(note).toContainText('Grade capped at F by cert.expiry (no protection)');
    await expect(page.locator('.posture-summary .grade-cap-tag')).toHaveText(/capped/);
    const badge = page.locator('.posture-summary a.grade');
    await expect(badge).toHaveAttribute('title', /capped at F by cert\.expiry/);
    await note.getByRole('link', { name: 'How grades are capped' }).click();
    await expect(page).toHaveURL(/\/grading$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Grading policy' })).toBeVisible();
    const caps = page.getByRole('table').filter({ hasText: 'critical-unverified' });
    await expect(caps.getByRole('row').filter({ hasText: 'high-failed' })).toContainText('B');
    await expect(page.getByRole('heading', { name: 'The fleet' })).toBeVisible();

    // The overview agrees with /api/v1/scores: the fleet's caps are shown with the databases behind them.
    const scores = (await (await page.request.get('/api/v1/scores')).json()) as { fleet: { grade: string; scoreGrade: string; caps: { rule: string; maxGrade: string; databases: number }[] } };
    expect(scores.fleet.caps.length, JSON.stringify(scores.fleet)).toBeGreaterThan(0);
    await page.goto('/');
    const fleetNote = page.getByRole('region', { name: /^Fleet grade capped at/ });
    await expect(fleetNote).toContainText(`Fleet grade capped at ${scores.fleet.caps[0]!.maxGrade}`);
    await expect(fleetNote.getByRole('list', { name: 'Databases behind it' }).getByRole('listitem').first()).toBeVisible();
    await fleetNote.getByRole('link', { name: 'How the fleet grade is capped' }).click();
    await expect(page).toHaveURL(/\/grading$/);

    // Worst databases: worst grade first, caps included.
    await page.goto('/');
    const grades = await page.locator('section.worst-databases tbody .grade').allTextContents();
    const rank = (g: string) => ['F', 'D-', 'D', 'D+', 'C-', 'C', 'C+', 'B-', 'B', 'B+', 'A-', 'A', 'A+'].indexOf(g);
    expect(grades.map(rank)).toEqual([...grades.map(rank)].sort((a, b) => a - b));

    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto('/grading');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});
