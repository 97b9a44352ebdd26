import { expect, test } from '../browserGuard';

test('the CRM login form is served at /crm/', async ({ page }) => {
  await page.goto('/crm/');
  await expect(page.locator('form')).toBeVisible();
});

test('the app shell and its scripts are sent gzipped to browsers that accept it', async ({ request }) => {
  const html = await request.get('/crm/', { headers: { 'Accept-Encoding': 'gzip' } });
  expect(html.headers()['content-encoding']).toBe('gzip');
  const script = (await html.text()).match(/src="(\/crm\/assets\/[^"]+\.js)"/)?.[1];
  expect(script).toBeTruthy();
  const js = await request.get(script!, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(js.status()).toBe(200);
  expect(js.headers()['content-encoding']).toBe('gzip');
  const plain = await request.get(script!, { headers: { 'Accept-Encoding': 'identity' } });
  expect(plain.headers()['content-encoding']).toBeUndefined();
  expect((await plain.body()).length).toBeGreaterThan(Number(js.headers()['content-length'] ?? '0'));
});
