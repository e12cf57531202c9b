import { expect, test, type Page } from '@playwright/test';
import { noticeableListings, signInToAdmin, signInToPortal, SIMULATOR } from './fixtures';

/** Waits until the API reports every item of the notice in one of `states`. */
async function waitForItemStates(page: Page, noticeId: string, states: string[]) {
  await expect(async () => {
    const input = encodeURIComponent(JSON.stringify({ id: noticeId }));
    const { result } = (await (await page.request.get(`/trpc/notices.byId?input=${input}`)).json()) as { result: { data: { items: { state: string }[] } } };
    expect(result.data.items.map((item) => item.state).sort()).toEqual([...states].sort());
  }).toPass({ timeout: 30_000 });
}

async function fileNotice(page: Page, references: string[]): Promise<string> {
  await page.getByRole('link', { name: 'New notice' }).click();
  await page.getByLabel('Listings').fill(references.join('\n'));
  await page.getByRole('button', { name: 'Look up' }).click();
  await expect(page.getByRole('button', { name: 'Submit notice' })).toBeEnabled();
  await page.getByLabel('IP right').selectOption({ index: 1 });
  await page.getByLabel('Reason').selectOption('counterfeit');
  await page.getByLabel('Evidence').fill('Test purchase shows a fake logo and stitching.');
  await page.getByRole('button', { name: 'Submit notice' }).click();
  await page.waitForURL(/\/portal\/notices\/[0-9a-f-]{36}/, { waitUntil: 'commit' });
  return /\/notices\/([0-9a-f-]{36})/.exec(page.url())![1]!;
}

test('a GFT brand files a notice and sees the listing removed on the marketplace', async ({ page, playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const [listing] = await noticeableListings(request, 'admin@aurelia.demo', 1);
  await request.dispose();

  await signInToPortal(page, 'admin@aurelia.demo');
  const noticeId = await fileNotice(page, [listing!.reference]);
  // The item turns removed once the simulator acknowledged the command the outbox delivered.
  await waitForItemStates(page, noticeId, ['removed']);
  await page.reload();
  await expect(page.getByText('Removed', { exact: true }).first()).toBeVisible();
  const onMarketplace = (await (await page.request.get(`${SIMULATOR}/tmall/listings/${listing!.reference.split(':')[1]}`)).json()) as { status: string };
  expect(onMarketplace.status).toBe('removed');
});

test('a standard brand files, a reviewer removes one item and rejects another, the brand reads both outcomes', async ({ page, browser, playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const listings = await noticeableListings(request, 'admin@northpeak.demo', 2, 60);
  await request.dispose();

  await signInToPortal(page, 'admin@northpeak.demo');
  const noticeId = await fileNotice(page, listings.map((listing) => listing.reference));
  await expect(page.getByText(/pending review/i).first()).toBeVisible();

  const reviewer = await (await browser.newContext()).newPage();
  await signInToAdmin(reviewer, 'reviewer@jointforce.demo');
  await reviewer.getByRole('menuitem', { name: 'Review queue' }).click();
  const [first, second] = listings.map((listing) => listing.title);
  const rowOf = (title: string) => reviewer.getByRole('row').filter({ hasText: title });

  await rowOf(first!).getByRole('checkbox').check();
  await reviewer.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(rowOf(first!)).toHaveCount(0);

  await rowOf(second!).getByRole('checkbox').check();
  await reviewer.getByRole('button', { name: 'Reject', exact: true }).click();
  await reviewer.getByLabel('Rejection code').selectOption({ label: 'Insufficient evidence' });
  await reviewer.getByLabel('Message').fill('The photos do not show the listed product.');
  await reviewer.getByRole('button', { name: 'Reject items' }).click();
  await expect(rowOf(second!)).toHaveCount(0);

  await waitForItemStates(page, noticeId, ['removed', 'rejected']);
  await page.reload();
  await expect(page.getByText('Removed', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('The photos do not show the listed product.')).toBeVisible();
});
