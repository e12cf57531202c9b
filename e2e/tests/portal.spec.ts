import { expect, test } from '@playwright/test';
import { account, apiSignIn, brandIdByName, signInToPortal } from './fixtures';

const BRAND_USERS = ['admin@aurelia.demo', 'agent@aurelia.demo', 'admin@northpeak.demo', 'agent@northpeak.demo'];

for (const email of BRAND_USERS) {
  test(`${email} sees their own brand home`, async ({ page }) => {
    await signInToPortal(page, email);
    const brandName = account(email).brandName!;
    await expect(page.getByRole('heading', { level: 1, name: brandName })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Your account manager' })).toBeVisible();
  });
}

test('a brand user cannot open another brand’s page', async ({ page, playwright, baseURL }) => {
  const staff = await playwright.request.newContext({ baseURL });
  await apiSignIn(staff, 'admin@jointforce.demo');
  const northpeakId = await brandIdByName(staff, 'Northpeak');
  await staff.dispose();

  await signInToPortal(page, 'agent@aurelia.demo');
  await expect(page.getByRole('heading', { level: 1, name: 'Aurelia' })).toBeVisible();
  await expect(page.getByText('Northpeak')).toHaveCount(0);

  // The back office's brand page for Northpeak is refused to the Aurelia session, in the browser and by the API.
  const adminTab = await page.context().newPage();
  await adminTab.goto(`/admin/#/brands/${northpeakId}/show`);
  // The admin finds the brand session unfit for the back office and sends it to the staff sign-in.
  await expect(adminTab).toHaveURL(/\/admin\/#\/login/);
  await adminTab.waitForLoadState('networkidle');
  await expect(adminTab.getByText('Northpeak')).toHaveCount(0);
  const status = await adminTab.evaluate(async (id) => {
    const input = encodeURIComponent(JSON.stringify({ id }));
    return (await fetch(`/trpc/admin.brands.byId?input=${input}`)).status;
  }, northpeakId);
  expect(status).toBe(403);
});

test('a brand admin invites an agent and sees the one-time link', async ({ page }) => {
  await signInToPortal(page, 'admin@northpeak.demo');
  await page.getByRole('link', { name: 'Users' }).click();
  await page.getByLabel('Name').fill('Nina Invitee');
  await page.getByLabel('E-mail').fill('nina.invitee@northpeak.demo');
  await page.getByRole('button', { name: /invite/i }).click();
  await expect(page.getByText(/accept-invite\?token=/)).toBeVisible();
  await expect(page.getByRole('cell', { name: 'nina.invitee@northpeak.demo' })).toBeVisible();
});

// A 2×2 red PNG: a real image the API stores and the browser draws.
const RED_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

test('a brand admin protects a product with a reference image and sees it in the list', async ({ page }, testInfo) => {
  await signInToPortal(page, 'admin@northpeak.demo');
  await page.getByRole('link', { name: 'Products' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Summit Shell Jacket');
  await page.getByLabel('Category').fill('Outerwear');
  await page.getByLabel('Keywords').fill('summit, shell jacket');
  await page.getByLabel('MSRP').fill('349.00');
  await page.getByLabel('Reference images').setInputFiles([{ name: 'summit-front.png', mimeType: 'image/png', buffer: RED_PNG }]);
  await page.getByRole('button', { name: 'Add product' }).click();
  await expect(page.getByText('Summit Shell Jacket is now protected.')).toBeVisible();
  const thumbnail = page.getByRole('img', { name: 'Summit Shell Jacket, reference image 1' });
  await expect(thumbnail).toBeVisible();
  // The image really loaded from the API (a broken one has no natural width).
  await expect.poll(() => thumbnail.evaluate((img) => (img as { naturalWidth: number }).naturalWidth)).toBe(2);
  await page.screenshot({ path: testInfo.outputPath('products.png'), fullPage: true });
});
