import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiSignIn, noticeableListings, signInToAdmin, signInToPortal, SIMULATOR } from './fixtures';

const BRAND = 'admin@aurelia.demo';

type Trpc<T> = { result: { data: T } };

async function mutate<T>(request: APIRequestContext, csrf: string, path: string, input: unknown): Promise<T> {
  const response = await request.post(`/trpc/${path}`, { data: input, headers: { 'x-csrf-token': csrf } });
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  return ((await response.json()) as Trpc<T>).result.data;
}

async function query<T>(request: APIRequestContext, path: string, input?: unknown): Promise<T> {
  const url = input === undefined ? `/trpc/${path}` : `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response = await request.get(url);
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  return ((await response.json()) as Trpc<T>).result.data;
}

test('a seller appeals through the marketplace, the brand contests, a reviewer reinstates, the listing is back and the brand’s record moves', async ({ page, browser, playwright, baseURL }) => {
  // A GFT brand's notice removes a listing on the simulated marketplace.
  const lookup = await playwright.request.newContext({ baseURL });
  const [listing] = await noticeableListings(lookup, BRAND, 1, 100);
  await lookup.dispose();
  const externalId = listing!.reference.split(':')[1]!;
  const brand = await playwright.request.newContext({ baseURL });
  const brandCsrf = await apiSignIn(brand, BRAND);
  const [found] = await query<{ listing: { id: string } }[]>(brand, 'notices.lookupListings', { references: [listing!.reference] });
  const rights = await query<{ id: string; status: string; validUntil: string }[]>(brand, 'ipRights.list');
  const right = rights.find((candidate) => candidate.status === 'verified' && new Date(candidate.validUntil) > new Date())!;
  const { notice } = await mutate<{ notice: { id: string } }>(brand, brandCsrf, 'notices.submit', {
    ipRightId: right.id,
    reason: 'counterfeit',
    evidence: 'Test buy: the logo is printed, not embroidered.',
    listingIds: [found!.listing.id],
    idempotencyKey: `e2e-appeal-${Date.now()}`,
  });
  await expect(async () => {
    const detail = await query<{ items: { state: string }[] }>(brand, 'notices.byId', { id: notice.id });
    expect(detail.items.map((item) => item.state)).toEqual(['removed']);
  }).toPass({ timeout: 30_000 });
  const before = await query<{ overall: { counterNoticed: number } }>(brand, 'brand.gftStanding');

  // The seller disputes on the marketplace, which files the counter-notice through the platform's API with its own key.
  const filed = await page.request.post(`${SIMULATOR}/control/counter-notices`, {
    data: { marketplace: 'tmall', externalId: `CN-${externalId}`, listingExternalId: externalId, statement: 'I bought this stock from an authorised distributor; invoice attached.', evidence: ['https://seller.example/invoice.pdf'] },
  });
  expect(filed.status()).toBe(201);
  const { id: appealId } = (await filed.json()) as { id: string };

  // The brand contests in the portal.
  await signInToPortal(page, BRAND);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.getByRole('link', { name: 'Appeals' }).click();
  await page.locator(`a[href="/portal/appeals/${appealId}"]`).click();
  await expect(page.getByText('I bought this stock from an authorised distributor; invoice attached.')).toBeVisible();
  await page.getByRole('radio', { name: /Contest/ }).check();
  await page.getByLabel('Your reasons').fill('Our distributor has never supplied this seller.');
  await page.getByRole('button', { name: 'Send answer' }).click();
  await expect(page.getByText('With our reviewers')).toBeVisible();

  // A reviewer reinstates in the admin.
  const reviewer = await (await browser.newContext()).newPage();
  await signInToAdmin(reviewer, 'reviewer@jointforce.demo');
  await reviewer.goto(`/admin/#/appeals/${appealId}/show`);
  await expect(reviewer.getByText('Our distributor has never supplied this seller.')).toBeVisible();
  await reviewer.getByRole('button', { name: 'Reinstate listing' }).click();
  await reviewer.getByRole('textbox', { name: 'Reason', exact: true }).fill('The invoice matches the distributor’s records.');
  await reviewer.getByRole('button', { name: 'Confirm reinstatement', exact: true }).click();
  await expect(reviewer.getByText(/reinstated/i).first()).toBeVisible();

  // The listing is back on the marketplace, and the brand's record counts the successful counter-notice.
  await expect(async () => {
    const onMarketplace = (await (await page.request.get(`${SIMULATOR}/tmall/listings/${externalId}`)).json()) as { status: string };
    expect(onMarketplace.status).toBe('reinstated');
  }).toPass({ timeout: 30_000 });
  await expect(async () => {
    const after = await query<{ overall: { counterNoticed: number } }>(brand, 'brand.gftStanding');
    expect(after.overall.counterNoticed).toBe(before.overall.counterNoticed + 1);
  }).toPass({ timeout: 30_000 });
  await page.goto(`/portal/appeals/${appealId}`);
  await expect(page.getByText('The listing is reinstated on the marketplace.')).toBeVisible();
  await page.goto('/portal/gft');
  await expect(page.getByText('Successful counter-notices')).toBeVisible();
  await brand.dispose();
});
