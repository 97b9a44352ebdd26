import { expect, test } from '../browserGuard';
import { createTenant, home, logIn } from './crmWorld';

test('the refresh token is an HttpOnly cookie no script can read; a reload and a new tab stay signed in; sign-out ends both', async ({
  page,
  context,
  request,
}) => {
  const tenant = await createTenant(request, 'cookie');
  const stream = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/crm/events');
  await logIn(page, tenant);

  // Chromium keeps a Secure cookie on http://127.0.0.1 (a secure context), so this works without TLS locally
  const refresh = (await context.cookies()).find((cookie) => cookie.name === 'buildcrm_crm_refresh');
  expect(refresh).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/api/auth' });
  const readable = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }) + document.cookie);
  expect(readable).not.toContain(refresh!.value);
  expect(readable).not.toContain('refreshToken');
  expect(readable).not.toContain('buildcrm_crm_refresh');

  // the live stream is opened with a one-time ticket: no token in its URL or headers
  const opened = await stream;
  expect(new URL(opened.url()).searchParams.get('ticket')).toBeTruthy();
  expect(opened.url()).not.toContain('access_token');
  expect(await opened.headerValue('authorization')).toBeNull();

  await page.reload();
  await expect(page.getByTestId('board')).toBeVisible();

  const second = await context.newPage();
  await second.goto('/crm/');
  await expect(home(second)).toBeVisible();
  await second.goto('/crm/profile');
  // on a phone the button sits in the collapsed navigation: the click itself is what matters here
  await second.getByRole('button', { name: 'Выйти' }).dispatchEvent('click');
  await expect(second.getByRole('heading', { name: 'Вход в BuildCRM' })).toBeVisible();

  await expect(page.getByRole('heading', { name: 'Вход в BuildCRM' })).toBeVisible();
  expect((await context.cookies()).find((cookie) => cookie.name === 'buildcrm_crm_refresh')).toBeUndefined();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Вход в BuildCRM' })).toBeVisible();
});
