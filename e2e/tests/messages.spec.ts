import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiSignIn, noticeableListings, signInToAdmin, signInToPortal } from './fixtures';

const BRAND_USER = 'agent@northpeak.demo';
const MANAGER = 'manager@jointforce.demo';

type Trpc = { result: { data: unknown } };

async function mutate(request: APIRequestContext, csrf: string, path: string, input: unknown): Promise<unknown> {
  const response = await request.post(`/trpc/${path}`, { data: input, headers: { 'x-csrf-token': csrf } });
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  return ((await response.json()) as Trpc).result.data;
}

/** A listing the brand noticed and a reviewer rejected, both through the API as the apps call it. */
async function rejectedItem(playwright: { request: { newContext(options: { baseURL?: string }): Promise<APIRequestContext> } }, baseURL: string | undefined) {
  const lookup = await playwright.request.newContext({ baseURL });
  const [listing] = await noticeableListings(lookup, 'admin@northpeak.demo', 1, 150);
  await lookup.dispose();
  const brand = await playwright.request.newContext({ baseURL });
  const brandCsrf = await apiSignIn(brand, 'admin@northpeak.demo');
  const references = encodeURIComponent(JSON.stringify({ references: [listing!.reference] }));
  const [found] = ((await (await brand.get(`/trpc/notices.lookupListings?input=${references}`)).json()) as { result: { data: { listing: { id: string } }[] } }).result.data;
  const rights = ((await (await brand.get('/trpc/ipRights.list')).json()) as { result: { data: { id: string; status: string; validUntil: string }[] } }).result.data;
  const right = rights.find((candidate) => candidate.status === 'verified' && new Date(candidate.validUntil) > new Date());
  const { notice } = (await mutate(brand, brandCsrf, 'notices.submit', {
    ipRightId: right!.id,
    reason: 'counterfeit',
    evidence: 'The logo is printed, not embroidered.',
    listingIds: [found!.listing.id],
    idempotencyKey: `e2e-messages-${Date.now()}`,
  })) as { notice: { id: string } };
  const byId = encodeURIComponent(JSON.stringify({ id: notice.id }));
  const itemId = ((await (await brand.get(`/trpc/notices.byId?input=${byId}`)).json()) as { result: { data: { items: { id: string }[] } } }).result.data.items[0]!.id;
  await brand.dispose();

  const reviewer = await playwright.request.newContext({ baseURL });
  const reviewerCsrf = await apiSignIn(reviewer, 'reviewer@jointforce.demo');
  await mutate(reviewer, reviewerCsrf, 'admin.queue.decide', { decision: 'reject', itemIds: [itemId], rejectionCode: 'insufficient_evidence', message: 'The photos do not show the listed product.' });
  await reviewer.dispose();
  return { noticeId: notice.id, itemId };
}

async function unreadMessages(request: APIRequestContext): Promise<number> {
  const { result } = (await (await request.get('/trpc/messages.unread')).json()) as { result: { data: { messages: number } } };
  return result.data.messages;
}

const messagesLinkName = (unread: number) => (unread > 0 ? `Messages, ${unread} unread` : 'Messages');

test('a brand asks about a rejected listing, its account manager answers from the admin, the brand reads the answer', async ({ page, browser, playwright, baseURL }) => {
  const { noticeId, itemId } = await rejectedItem(playwright, baseURL);
  const request = await playwright.request.newContext({ baseURL });
  await apiSignIn(request, BRAND_USER);
  const unreadBefore = await unreadMessages(request);

  await signInToPortal(page, BRAND_USER);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.goto(`/portal/notices/${noticeId}`);
  const filter = page.getByLabel('Show listings');
  if (await filter.isVisible()) await filter.selectOption('rejected');
  const card = page.locator('article', { has: page.locator(`[id="item-${itemId}"]`) });
  await expect(card.getByText('Rejected:')).toBeVisible();
  await card.getByRole('link', { name: 'Ask your account manager about this listing' }).click();

  await expect(page.getByRole('heading', { name: 'New message' })).toBeVisible();
  await expect(page.getByLabel('Subject')).toHaveValue(/^Rejected listing /);
  await page.getByLabel('Your message').fill('Why was this listing rejected? We have a test buy receipt.');
  await page.getByRole('button', { name: 'Send message' }).click();
  await page.waitForURL(/\/portal\/messages\/[0-9a-f-]{36}$/);
  const threadId = /\/messages\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
  await expect(page.getByText('Why was this listing rejected? We have a test buy receipt.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'A listing in a notice' })).toHaveAttribute('href', `/portal/notices/${noticeId}`);

  const manager = await (await browser.newContext()).newPage();
  await signInToAdmin(manager, MANAGER);
  await manager.goto(`/admin/#/threads/${threadId}/show`);
  await expect(manager.getByText('Why was this listing rejected? We have a test buy receipt.')).toBeVisible();
  await manager.getByLabel('Your reply').fill('Please send the receipt here; we will look at the listing again.');
  await manager.getByRole('button', { name: 'Send reply' }).click();
  await expect(manager.getByText('Please send the receipt here; we will look at the listing again.')).toBeVisible();

  // The brand's navigation counts the answer, opening the conversation clears it.
  await page.goto('/portal/');
  await expect(page.getByRole('link', { name: messagesLinkName(unreadBefore + 1) })).toBeVisible();
  await page.getByRole('link', { name: messagesLinkName(unreadBefore + 1) }).click();
  await page.locator(`a[href="/portal/messages/${threadId}"]`).click();
  await expect(page.getByText('Please send the receipt here; we will look at the listing again.')).toBeVisible();
  await expect(page.getByText('New', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: messagesLinkName(unreadBefore) })).toBeVisible();
  expect(await unreadMessages(request)).toBe(unreadBefore);
  await request.dispose();
});
