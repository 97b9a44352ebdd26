import type { Page } from '@playwright/test';
import { expect, test } from '../browserGuard';
import { clientWrites, createTenant, crmToken, leadByPhone, logIn } from './crmWorld';

async function expectNoHorizontalOverflow(page: Page, where: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${where}: page wider than the screen`).toBeLessThanOrEqual(innerWidth);
}

test('an owner who took a lead over and replied sees it counted: per-day chart with dates, AI/people split and the managers report', async ({
  page,
  request,
  isMobile,
}) => {
  const tenant = await createTenant(request, 'analytics');
  const token = await crmToken(request, tenant);
  await clientWrites(request, tenant, '+77015550020', 'Клиент Отчёт', 'Здравствуйте, хочу дом');
  await expect.poll(async () => (await leadByPhone(request, token, '+77015550020')) !== null, { timeout: 30_000 }).toBe(true);
  // the tester's case: the owner takes the conversation over and replies
  const lead = (await leadByPhone(request, token, '+77015550020'))!;
  const auth = { Authorization: `Bearer ${token}` };
  expect((await request.post(`/api/crm/leads/${lead.id}/takeover`, { headers: auth })).ok()).toBe(true);
  expect(
    (await request.post(`/api/crm/leads/${lead.id}/messages`, { headers: auth, data: { text: 'Добрый день! Подскажу.' } })).ok(),
  ).toBe(true);
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

  // one bar per day, today's (the last) holds the lead, the other days are zero; dates and a y axis are drawn
  const chart = page.getByRole('img', { name: 'Лиды по дням' });
  const bars = chart.locator('rect');
  await expect(bars).toHaveCount(30);
  await expect(bars.last()).toHaveAttribute('data-value', '1');
  await expect(chart.locator('rect[data-value="0"]')).toHaveCount(29);
  const today = new Intl.DateTimeFormat('ru', { timeZone: 'Asia/Almaty', day: 'numeric', month: 'short' })
    .format(new Date())
    .replace('.', '');
  await expect(chart.getByTestId('x-label').last()).toHaveText(today);
  expect(await chart.getByTestId('y-tick').count()).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('per-day-readout')).toHaveText(/Всего 1 лид за 30 дн\./);
  // a tap on the last bar reads its day and value out
  const box = (await bars.last().boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByTestId('per-day-readout')).toHaveText(`${today}: 1 лид`);

  // the lead was taken over: 1 · 100 %
  await expect(page.getByTestId('handling-human')).toContainText('1 · 100%');
  await expect(page.getByTestId('handling-ai')).toContainText('0 · 0%');

  // the owner's reply, take-over and first response are counted
  const person = isMobile
    ? page.getByTestId('manager-card').filter({ hasText: 'Владелец Тест' })
    : page.getByTestId('manager-row').filter({ hasText: 'Владелец Тест' });
  await expect(person).toBeVisible();
  await expect(person.getByTestId('manager-replies')).toHaveText('1');
  await expect(person.getByTestId('manager-takeovers')).toHaveText('1');
  await expect(person.getByTestId('manager-first')).toHaveText(/^\d+ с$|мин/);
  await expect(page.getByTestId(isMobile ? 'managers-table' : 'managers-cards')).toHaveCount(0);

  await expectNoHorizontalOverflow(page, 'analytics');
  if (isMobile) {
    await page.setViewportSize({ width: 360, height: 740 });
    await expect(bars).toHaveCount(30);
    await expectNoHorizontalOverflow(page, 'analytics at 360 px');
  }

  await page.getByText('7 дн.', { exact: true }).click();
  await expect(bars).toHaveCount(7);
  await expect(chart.getByTestId('bar-value')).toHaveCount(7);
});
