import { expect, test } from '@playwright/test';
import pg from 'pg';
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

    // A fleet of its own: three healthy databases and this critical one at F. The other specs' databases are set
    // aside meanwhile (archived) and put back afterwards, so the fleet's grade is known.
    const healthy = [];
    for (let i = 0; i < 3; i++) healthy.push(await createLabDatabase(page, `grading-healthy-${i}-${Date.now()}`, lab().healthyPort));
    for (const h of healthy) await scanViaApi(page, h);
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const aside = await client.query<{ id: string }>(`UPDATE "Target" SET "archivedAt" = now() WHERE "archivedAt" IS NULL AND NOT (id = ANY($1::uuid[])) RETURNING id`, [[id, ...healthy]]);
    try {
      // 1 of 4 at F is a quarter (at most C), and it is critical (at most B−); the weighted mean alone is a B or better
      const scores = (await (await page.request.get('/api/v1/scores')).json()) as { fleet: { grade: string; scoreGrade: string; caps: { rule: string; maxGrade: string; databases: number }[] } };
      expect(scores.fleet.caps, JSON.stringify(scores.fleet)).toEqual([
        { rule: 'fleet-quarter-failing', maxGrade: 'C', databases: 1 },
        { rule: 'fleet-important-failing', maxGrade: 'B-', databases: 1 },
      ]);
      expect(scores.fleet.grade).toBe('C');
      await page.goto('/');
      const fleetNote = page.getByRole('region', { name: /^Fleet grade capped at/ });
      await expect(fleetNote).toContainText('Fleet grade capped at C: a quarter of the databases at F (1)');
      await expect(fleetNote.getByRole('list', { name: 'Databases behind it' }).getByRole('link')).toHaveText([/^grading-expired-/]);
      await fleetNote.getByRole('link', { name: 'How the fleet grade is capped' }).click();
      await expect(page).toHaveURL(/\/grading$/);
    } finally {
      await client.query(`UPDATE "Target" SET "archivedAt" = NULL WHERE id = ANY($1::uuid[])`, [aside.rows.map((r) => r.id)]);
      await client.end();
    }

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
