import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from '@jf/db/demo-accounts';

export { DEMO_ACCOUNTS, DEMO_PASSWORD };

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
