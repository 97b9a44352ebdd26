import { expect, test } from '../browserGuard';
import { clientWrites, createTenant, crmToken, leadByPhone, logIn } from './crmWorld';

test('an owner sees the funnel, leads per day, response times and the managers table for a period', async ({ page, request, isMobile }) => {
  const tenant = await createTenant(request, 'analytics');
  const token = await crmToken(request, tenant);
  await clientWrites(request, tenant, '+77015550020', 'Клиент Отчёт', 'Здравствуйте, хочу дом');
  await expect.poll(async () => (await leadByPhone(request, token, '+77015550020')) !== null, { timeout: 30_000 }).toBe(true);
  await logIn(page, tenant);

  // on a phone analytics is in the bottom bar's «Ещё» sheet
  if (isMobile) {
    await page.getByTestId('bottom-nav').getByRole('button', { name: 'Ещё' }).click();
    await page.getByRole('dialog').getByRole('link', { name: 'Аналитика', exact: true }).click();
  } else {
    await page.getByRole('link', { name: 'Аналитика', exact: true }).click();
  }
  const funnel = page.getByTestId('funnel');
  await expect(funnel.getByText('Новый')).toBeVisible();
  await expect(funnel.getByText('Отказ')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Лиды по дням' }).locator('rect')).toHaveCount(30);
  await expect(page.getByRole('cell', { name: 'Владелец Тест' })).toBeVisible();

  await page.getByText('7 дн.', { exact: true }).click();
  await expect(page.getByRole('img', { name: 'Лиды по дням' }).locator('rect')).toHaveCount(7);
});
