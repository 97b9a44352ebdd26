import { expect, test } from '../browserGuard';

test("the operator's refresh token is an HttpOnly browser-session cookie; a reload stays signed in, a new tab does not", async ({
  page,
  context,
}) => {
  await page.goto('/admin/login');
  await page.getByLabel('Email').fill('operator@e2e.test');
  await page.getByLabel('Пароль').fill('operator-e2e-pass-1');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByRole('heading', { name: 'Компании' })).toBeVisible();

  const refresh = (await context.cookies()).find((cookie) => cookie.name === 'buildcrm_admin_refresh');
  expect(refresh).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/api/auth', expires: -1 });
  const readable = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }) + document.cookie);
  expect(readable).not.toContain(refresh!.value);
  expect(readable).not.toContain('refreshToken');

  // a reload after the access token is lost: the console restores the session from the cookie
  await page.evaluate(() => sessionStorage.removeItem('buildcrm.admin.session'));
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Компании' })).toBeVisible();

  const other = await context.newPage();
  await other.goto('/admin/');
  await expect(other.getByRole('button', { name: 'Войти' })).toBeVisible();
});
