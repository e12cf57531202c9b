import { expect, test } from '@playwright/test';
import { signInToPortal } from './fixtures';

const BRAND_ADMIN = 'admin@aurelia.demo';

type Trpc<T> = { result: { data: T } };

// The copy button writes the secret to the clipboard; the test reads it back from there.
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('a brand admin creates a read key, calls the REST API with the copied secret, revokes it and is refused', async ({ page, request, browser }) => {
  const name = `e2e rights export ${Date.now()}`;
  await signInToPortal(page, BRAND_ADMIN);
  await page.getByRole('link', { name: 'API keys' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'API keys' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'API documentation' })).toHaveAttribute('href', '/api/v1/docs');

  // Without a name or a scope the API refuses, and the reasons sit beside the fields.
  await page.getByRole('checkbox', { name: /^Read/ }).uncheck();
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByRole('alert')).toContainText('Please correct the fields marked below.');
  await expect(page.getByText('Give the key at least one scope')).toBeVisible();

  await page.getByLabel('Name').fill(name);
  await page.getByRole('checkbox', { name: /^Read/ }).check();
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByText('You will not see it again.')).toBeVisible();
  await page.getByRole('button', { name: 'Copy secret' }).click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  // A string expression: the e2e package compiles without the DOM library.
  const secret = await page.evaluate<string>('navigator.clipboard.readText()');
  await expect(page.getByLabel('Secret key')).toHaveText(secret);
  expect(secret).toMatch(/^jfk_/);

  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
  await expect(row).toContainText(`${secret.slice(0, 12)}…`);
  await expect(row).toContainText('Active');

  // The key reads the brand's own rights, the same ones the portal lists.
  const rights = (await (await page.request.get('/trpc/ipRights.list')).json()) as Trpc<{ id: string }[]>;
  const authorization = `Bearer ${secret}`;
  const answer = await request.get('/api/v1/ip-rights', { headers: { authorization } });
  expect(answer.status()).toBe(200);
  const body = (await answer.json()) as { data: { id: string }[] };
  expect(body.data.length).toBeGreaterThan(0);
  expect(body.data.map((right) => right.id).sort()).toEqual(rights.result.data.map((right) => right.id).sort());

  // Revoking asks once more; afterwards the same call is refused.
  await page.getByRole('button', { name: `Revoke ${name}` }).click();
  await expect(page.getByText(`Revoke “${name}”?`)).toBeVisible();
  await page.getByRole('button', { name: 'Revoke key', exact: true }).click();
  await expect(row).toContainText('Revoked');
  await expect(page.getByRole('button', { name: `Revoke ${name}` })).toHaveCount(0);
  const refused = await request.get('/api/v1/ip-rights', { headers: { authorization } });
  expect(refused.status()).toBe(401);

  // After a reload the secret is gone for good; the list keeps the key's prefix only.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your keys' })).toBeVisible();
  await expect(page.getByText(secret)).toHaveCount(0);

  // A brand agent has no link to the page, and opening it says who manages keys.
  const agent = await (await browser.newContext()).newPage();
  await signInToPortal(agent, 'agent@aurelia.demo');
  await expect(agent.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(agent.getByRole('link', { name: 'API keys' })).toHaveCount(0);
  await agent.goto('/portal/api-keys');
  await expect(agent.getByText('Only a brand admin can create and revoke')).toBeVisible();
  await agent.context().close();
});
