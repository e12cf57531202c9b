import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiSignIn, signInToAdmin, signInToPortal, SIMULATOR } from './fixtures';

// Northpeak is in the authentication phase: the demo world has open requests waiting for its verdict.
const BRAND = 'admin@northpeak.demo';

interface OpenRequest {
  id: string;
  marketplaceCode: string;
  listing: { externalId: string; title: string; status: string };
}

async function openRequests(request: APIRequestContext): Promise<OpenRequest[]> {
  const input = encodeURIComponent(JSON.stringify({ state: 'open', page: 1, perPage: 50 }));
  const response = await request.get(`/trpc/authRequests.list?input=${input}`);
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { result: { data: { data: OpenRequest[] } } }).result.data.data;
}

const onMarketplace = async (request: APIRequestContext, suspect: OpenRequest): Promise<string> =>
  ((await (await request.get(`${SIMULATOR}/${suspect.marketplaceCode}/listings/${suspect.listing.externalId}`)).json()) as { status: string }).status;

test('a suspect waits in the brand’s inbox, the brand answers counterfeit, and the listing is removed on the marketplace', async ({ page, playwright, baseURL }) => {
  // A suspect detection sent to the brand, still live on the simulated marketplace.
  const api = await playwright.request.newContext({ baseURL });
  await apiSignIn(api, BRAND);
  const suspects = await openRequests(api);
  await api.dispose();
  const suspect = suspects.find((candidate) => candidate.listing.status === 'active');
  expect(suspect, 'the demo world has an open authentication request for Northpeak').toBeDefined();
  expect(await onMarketplace(page.request, suspect!)).toBe('active');

  // It is counted in the navigation and listed in the inbox.
  await signInToPortal(page, BRAND);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const inboxLink = nav.getByRole('link', { name: /^Authentication requests, \d+ open$/ });
  await expect(inboxLink).toBeVisible();
  await inboxLink.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Authentication requests' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: suspect!.listing.externalId });
  await expect(row).toHaveCount(1);
  await expect(row.getByText(/^due in \d+ (h|min)$/)).toBeVisible();

  // The brand opens it and answers counterfeit with a reason.
  await row.getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'Why we ask' })).toBeVisible();
  await page.getByRole('radio', { name: /Counterfeit/ }).check();
  await page.getByRole('button', { name: 'Send verdict' }).click();
  // Without a reason the API refuses, and says so beside the field.
  await expect(page.getByText('Reason must be at least 3 characters')).toBeVisible();
  await page.getByLabel('Reason', { exact: true }).fill('Northpeak never sells this jacket below MSRP; the label in the photos is not ours.');
  await page.getByRole('button', { name: 'Send verdict' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'answered counterfeit' })).toContainText('being removed');
  const verdict = page.getByRole('region', { name: 'Your verdict' });
  await expect(verdict.getByText(/The listing is (being )?removed/)).toBeVisible();

  // The platform tells the marketplace at once; the simulator takes the listing down.
  await expect(async () => {
    expect(await onMarketplace(page.request, suspect!)).toBe('removed');
  }).toPass({ timeout: 30_000 });

  // Once acknowledged, the request's page says the listing is gone and who answered.
  await expect(async () => {
    await page.reload();
    await expect(verdict.getByText('The listing is removed', { exact: true })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(verdict.getByText('Northpeak never sells this jacket below MSRP; the label in the photos is not ours.')).toBeVisible();
});

test('staff read the requests and the model; only a platform admin may retrain or roll back', async ({ page, browser }) => {
  await signInToAdmin(page, 'admin@jointforce.demo');
  await page.getByRole('menuitem', { name: 'Auth requests' }).click();
  await expect(page.getByRole('region', { name: 'Brand responses, last 30 days' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Answer time p50' })).toBeVisible();
  await page.getByRole('menuitem', { name: 'Detection' }).click();
  const versions = page.getByRole('table', { name: 'Model versions' });
  await expect(versions.getByRole('rowheader', { name: 'v2' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Retrain now' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Roll back to v1' })).toBeVisible();

  const reviewer = await (await browser.newContext()).newPage();
  await signInToAdmin(reviewer, 'reviewer@jointforce.demo');
  await reviewer.getByRole('menuitem', { name: 'Detection' }).click();
  await expect(reviewer.getByRole('table', { name: 'Model versions' }).getByRole('rowheader', { name: 'v2' })).toBeVisible();
  await expect(reviewer.getByText('Only platform admins change these.')).toBeVisible();
  await expect(reviewer.getByRole('button', { name: 'Retrain now' })).toHaveCount(0);
  await expect(reviewer.getByRole('button', { name: /Roll back/ })).toHaveCount(0);
});
