import { expect, test } from '../browserGuard';

test('the operator console and the CRM are served by the one-command run', async ({ page }) => {
  await page.goto('/admin/');
  await expect(page.locator('form')).toBeVisible();
  await page.goto('/crm/');
  await expect(page.locator('form')).toBeVisible();
});
