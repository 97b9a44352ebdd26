import { expect, test } from '@playwright/test';

test('the CRM login form is served at /crm/', async ({ page }) => {
  await page.goto('/crm/');
  await expect(page.locator('form')).toBeVisible();
});
