import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from '@jf/db/demo-accounts';

export { DEMO_ACCOUNTS, DEMO_PASSWORD };

export const SIMULATOR = 'http://127.0.0.1:3101';

export const account = (email: string): DemoAccount => {
  const found = DEMO_ACCOUNTS.find((candidate) => candidate.email === email);
  if (!found) throw new Error(`no demo account ${email}`);
  return found;
};

export async function signInToAdmin(page: Page, email: string): Promise<void> {
  await page.goto('/admin/');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signInToPortal(page: Page, email: string): Promise<void> {
  await page.goto('/portal/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in over the API (as the apps do) and returns the CSRF token for later mutations. */
export async function apiSignIn(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post('/trpc/auth.signIn', {
    data: { email, password: DEMO_PASSWORD },
    headers: { 'x-csrf-token': 'anonymous' },
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { result: { data: { csrfToken: string } } }).result.data.csrfToken;
}

export async function brandIdByName(request: APIRequestContext, name: string): Promise<string> {
  const input = encodeURIComponent(JSON.stringify({ page: 1, perPage: 5, sort: { field: 'name', order: 'ASC' }, filter: { q: name } }));
  const response = await request.get(`/trpc/admin.brands.list?input=${input}`);
  expect(response.status()).toBe(200);
  const { result } = (await response.json()) as { result: { data: { data: { id: string; name: string }[] } } };
  const brand = result.data.data.find((candidate) => candidate.name === name);
  if (!brand) throw new Error(`brand ${name} not found`);
  return brand.id;
}

/** Active listings the brand may notice: read from the simulator, screened by the platform's own lookup. */
export async function noticeableListings(request: APIRequestContext, brandEmail: string, count: number, skip = 0): Promise<{ reference: string; title: string }[]> {
  const feed = (await (await request.get(`${SIMULATOR}/tmall/listings?limit=300`)).json()) as { items: { externalId: string; status: string }[] };
  const references = feed.items.filter((item) => item.status === 'active').map((item) => `tmall:${item.externalId}`).slice(skip, skip + 60);
  await apiSignIn(request, brandEmail);
  const input = encodeURIComponent(JSON.stringify({ references }));
  const { result } = (await (await request.get(`/trpc/notices.lookupListings?input=${input}`)).json()) as {
    result: { data: { reference: string; problem: string | null; listing: { title: string } | null }[] };
  };
  // Latin titles only: the headless Chromium here has no CJK font, and row matching reads the rendered text.
  return result.data
    .filter((row) => row.problem === null && /^[\x20-\x7e]+$/.test(row.listing!.title))
    .slice(0, count)
    .map((row) => ({ reference: row.reference, title: row.listing!.title }));
}
