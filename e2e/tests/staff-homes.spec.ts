import { expect, test } from '@playwright/test';
import { signInToAdmin } from './fixtures';

/** Each staff role signs in to the back office and lands on its own home page. */
const HOMES = [
  { email: 'leadership@jointforce.demo', section: 'Proactive vs brand-requested removals' },
  { email: 'manager@jointforce.demo', section: 'My brands' },
  { email: 'reviewer@jointforce.demo', section: 'Waiting for a decision, all brands' },
  { email: 'admin@jointforce.demo', section: 'Platform' },
] as const;

for (const home of HOMES) {
  test(`${home.email} sees their home page`, async ({ page }) => {
    await signInToAdmin(page, home.email);
    await expect(page.getByRole('heading', { name: home.section, exact: true })).toBeVisible();
  });
}

test('a wrong password is refused with a message', async ({ page }) => {
  await page.goto('/admin/');
  await page.getByLabel('E-mail').fill('reviewer@jointforce.demo');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(/wrong e-mail or password/i)).toBeVisible();
});

test('an account manager opens a brand and sees its GFT status', async ({ page }) => {
  await signInToAdmin(page, 'manager@jointforce.demo');
  await page.getByRole('menuitem', { name: 'Brands' }).click();
  await page.getByRole('cell', { name: 'Aurelia', exact: true }).click();
  await expect(page.getByText('Aurelia').first()).toBeVisible();
  await expect(page.getByText(/enrolled/i).first()).toBeVisible();
});
