import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiSignIn, brandIdByName, signInToAdmin, signInToPortal } from './fixtures';

type Trpc<T> = { result: { data: T } };
interface RemovalsPoint {
  period: string;
  bySource: Record<'proactive' | 'authentication' | 'notice_gft' | 'notice_standard', number>;
  proactive: number;
  brandRequested: number;
}

async function query<T>(request: APIRequestContext, path: string, input?: unknown): Promise<T> {
  const url = input === undefined ? `/trpc/${path}` : `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response = await request.get(url);
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  return ((await response.json()) as Trpc<T>).result.data;
}

const day = (date: Date) => date.toISOString().slice(0, 10);
/** "Last 12 months" as both apps compute it: from the first day of the month eleven months back to today (UTC). */
function lastTwelveMonths(): { from: string; to: string } {
  const now = new Date();
  return { from: day(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1))), to: day(now) };
}
const count = (value: number) => value.toLocaleString('en-GB');
const sum = (points: RemovalsPoint[], pick: (point: RemovalsPoint) => number) => points.reduce((total, point) => total + pick(point), 0);

test('leadership sees the dashboard with data, changes the range and drills down into the removals behind a point', async ({ page, playwright, baseURL }) => {
  await signInToAdmin(page, 'leadership@jointforce.demo');
  const removalsCard = page.getByRole('region', { name: 'Proactive vs brand-requested removals' });
  await expect(removalsCard.locator('.recharts-bar-rectangle').first()).toBeVisible();
  for (const chart of ['Takedown turnaround', 'Authentication requests', 'Appeals', 'Good Faith Takedown'])
    await expect(page.getByRole('heading', { name: chart, exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Notices within 8 h' })).toContainText('Amazon: more than 95% within 8 h');

  // A preset changes the URL (so the view can be shared) and the unit with it.
  await page.getByRole('group', { name: 'Date range' }).getByRole('button', { name: '12 months' }).click();
  await expect(page).toHaveURL(/range=12m/);
  await expect(page).toHaveURL(/unit=month/);
  await expect(page.getByText(/^Last 12 months:/)).toBeVisible();

  // The figures are the API's: compare a whole past month, which no running worker can still change.
  const staff = await playwright.request.newContext({ baseURL });
  await apiSignIn(staff, 'leadership@jointforce.demo');
  const points = await query<RemovalsPoint[]>(staff, 'admin.dashboards.removals', { ...lastTwelveMonths(), unit: 'month' });
  await staff.dispose();
  expect(points).toHaveLength(12);
  const index = points.slice(0, -1).findIndex((point) => point.proactive + point.brandRequested > 0);
  expect(index, 'a past month with removals').toBeGreaterThanOrEqual(0);
  const point = points[index]!;
  const total = point.proactive + point.brandRequested;

  await removalsCard.getByRole('button', { name: /Figures as a table/ }).click();
  const table = removalsCard.getByRole('table');
  const row = table.getByRole('row').nth(index + 1);
  await expect(row.getByRole('cell').nth(5)).toHaveText(String(point.proactive));
  await expect(row.getByRole('cell').nth(6)).toHaveText(String(point.brandRequested));

  // The month's link opens every removal requested in it: the list's total is the chart's.
  await row.getByRole('link').click();
  await expect(page).toHaveURL(/#\/removals\?/);
  await expect(page.getByText(new RegExp(`of (${total}|${count(total)})$`))).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Turnaround' })).toBeVisible();

  // Clicking a bar opens the removals of that source in that period; proactive ones stack at the bottom.
  await page.goBack();
  await expect(removalsCard.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await removalsCard.locator('.recharts-bar-rectangle').first().click();
  await expect(page).toHaveURL(/#\/removals\?/);
  const filter = JSON.parse(new URL(page.url().replace('/#/', '/')).searchParams.get('filter')!) as { source: string; from: string; to: string };
  expect(filter.source).toBe('proactive');
  expect(filter.from <= filter.to).toBe(true);
  await expect(page.getByRole('row').nth(1)).toBeVisible();
  const sources = await page.getByRole('row').filter({ has: page.getByRole('cell') }).getByText(/Proactive detection|Brand authentication|GFT notice|Standard notice/).allTextContents();
  expect(sources.length).toBeGreaterThan(0);
  expect(new Set(sources)).toEqual(new Set(['Proactive detection']));
});

test('a brand’s transparency page shows its own figures, not the platform’s', async ({ page, playwright, baseURL }) => {
  const range = { ...lastTwelveMonths(), unit: 'month' as const };
  const brand = await playwright.request.newContext({ baseURL });
  await apiSignIn(brand, 'admin@northpeak.demo');
  const staff = await playwright.request.newContext({ baseURL });
  await apiSignIn(staff, 'leadership@jointforce.demo');
  const northpeakId = await brandIdByName(staff, 'Northpeak');

  await signInToPortal(page, 'admin@northpeak.demo');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Transparency' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Transparency' })).toBeVisible();
  await page.getByLabel('Period', { exact: true }).selectOption('12m');
  await page.getByLabel('Points per').selectOption('month');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/range=12m/);
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();

  const figure = (label: string) => page.getByRole('group', { name: label }).locator('.figure-value');
  // Workers may add a removal today: read the API and the page again until both were taken together.
  await expect(async () => {
    const own = await query<RemovalsPoint[]>(brand, 'dashboard.removals', range);
    const asStaffSeeIt = await query<RemovalsPoint[]>(staff, 'admin.dashboards.removals', { ...range, brandId: northpeakId });
    const platform = await query<RemovalsPoint[]>(staff, 'admin.dashboards.removals', range);
    expect(own).toEqual(asStaffSeeIt);
    const mine = { proactive: sum(own, (point) => point.proactive), notices: sum(own, (point) => point.brandRequested) };
    expect(mine.proactive + mine.notices).toBeGreaterThan(0);
    // The platform removed more than Northpeak's share; the page must show Northpeak's.
    expect(sum(platform, (point) => point.proactive)).toBeGreaterThan(mine.proactive);
    expect(sum(platform, (point) => point.brandRequested)).toBeGreaterThan(mine.notices);
    await page.reload();
    await expect(figure('Removed without a notice from you')).toHaveText(count(mine.proactive), { timeout: 2_000 });
    await expect(figure('Removed on your notices')).toHaveText(count(mine.notices), { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });

  // The figures' table reads the same per month, and nothing of another brand is named.
  await page.getByText('Show the figures as a table').first().click();
  await expect(page.getByRole('table').first().getByRole('row')).toHaveCount(13);
  await expect(page.getByText('Aurelia')).toHaveCount(0);
  await brand.dispose();
  await staff.dispose();
});
