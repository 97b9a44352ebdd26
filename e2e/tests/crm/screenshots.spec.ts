import { expect, test, type Page } from '../browserGuard';
import { resolve } from 'node:path';
import { clientWrites, column, createTenant, crmToken, leadByPhone, logIn, showStage, tile } from './crmWorld';

const SCREENSHOTS = resolve(process.cwd(), '../docs/screenshots');

/** The leads the screenshots show: each writes on WhatsApp and the AI qualifies them (they leave «Новый»). */
const LEADS = [
  { phone: '+77015550041', name: 'Асель Нурланова', messages: ['Здравствуйте, хочу дом', 'Дом 10 на 8, Алматы'] },
  { phone: '+77015550042', name: 'Ерлан Сапаров', messages: ['Здравствуйте, сколько стоит?'] },
  {
    phone: '+77015550043',
    name: 'Дина Ахметова',
    messages: ['Здравствуйте! Я из Алматы, дом 8 на 10, высота 3 метра, фундамент закрою сами. Перезвоните мне завтра после 10'],
  },
];

/** Every image on the page has finished loading (chat albums), so the capture is not half-drawn. */
async function imagesLoaded(page: Page) {
  await expect
    .poll(() => page.evaluate(() => Array.from(document.images).every((img) => img.complete)))
    .toBe(true);
}

test('screenshots of the board, list, card and analytics show a qualified tenant', async ({ page, request }, testInfo) => {
  const device = testInfo.project.name === 'crm-phone' ? 'phone' : 'desktop';
  const shoot = async (screen: string) => {
    await imagesLoaded(page);
    await page.screenshot({ path: `${SCREENSHOTS}/crm-${screen}-${device}.png`, animations: 'disabled', caret: 'hide', scale: 'css' });
  };

  const tenant = await createTenant(request, `shots-${device}`);
  const token = await crmToken(request, tenant);
  const stageOf = async (phone: string) => (await leadByPhone(request, token, phone))?.stage.name ?? null;
  for (const lead of LEADS) {
    for (const text of lead.messages) {
      const before = await stageOf(lead.phone);
      await clientWrites(request, tenant, lead.phone, lead.name, text);
      // one message at a time: the next is sent once the AI has moved the lead on
      await expect
        .poll(async () => {
          const stage = await stageOf(lead.phone);
          return stage !== null && stage !== 'Новый' && stage !== before;
        }, { timeout: 30_000 })
        .toBe(true);
    }
  }
  const stages = new Map<string, string>();
  for (const lead of LEADS) stages.set(lead.name, (await stageOf(lead.phone))!);

  // board: every lead in the column of the stage the AI gave it
  await logIn(page, tenant);
  for (const lead of LEADS) {
    // a phone lists one stage at a time under its tab
    await showStage(page, stages.get(lead.name)!);
    await expect(column(page, stages.get(lead.name)!).getByTestId('lead-tile').filter({ hasText: lead.name })).toBeVisible();
  }
  await showStage(page, stages.get(LEADS[0]!.name)!);
  await shoot('board');

  // list: one row per lead
  await page.getByText('Список', { exact: true }).click();
  await expect(page).toHaveURL(/view=list/);
  const rows = page.getByTestId('lead-list').locator('[data-lead-id]');
  await expect(rows).toHaveCount(LEADS.length);
  for (const lead of LEADS) await expect(rows.filter({ hasText: lead.name })).toBeVisible();
  await shoot('list');

  // card: the conversation with the client and the AI's answers
  await page.getByText('Канбан', { exact: true }).click();
  const first = LEADS[0]!;
  await tile(page, first.name).getByRole('link', { name: first.name }).click();
  const card = page.getByTestId('lead-card');
  await expect(card).toBeVisible();
  const chat = card.getByTestId('chat');
  for (const text of first.messages) await expect(chat.getByText(text)).toBeVisible();
  await expect.poll(() => chat.getByTestId('chat-message').count()).toBeGreaterThan(first.messages.length);
  // the lead screen is a chat screen: header, the chat at its newest message and the composer all in one view
  await imagesLoaded(page);
  await expect(chat.getByTestId('chat-message').last()).toBeInViewport();
  await expect(card.getByRole('button', { name: 'Взять на себя' })).toBeInViewport();
  await shoot('card');

  // analytics: the funnel with the pack's stages, leads per day, the owner (who took the first lead over and
  // replied) in the managers report
  const firstLead = (await leadByPhone(request, token, first.phone))!;
  const auth = { Authorization: `Bearer ${token}` };
  expect((await request.post(`/api/crm/leads/${firstLead.id}/takeover`, { headers: auth })).ok()).toBe(true);
  expect(
    (await request.post(`/api/crm/leads/${firstLead.id}/messages`, { headers: auth, data: { text: 'Добрый день! Подскажу.' } })).ok(),
  ).toBe(true);
  await page.goto('/crm/analytics');
  await expect(page.getByTestId('funnel').getByText('Новый')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Лиды по дням' }).locator('rect')).toHaveCount(30);
  await expect(page.getByTestId(device === 'phone' ? 'manager-card' : 'manager-row').filter({ hasText: 'Владелец Тест' })).toBeVisible();
  await shoot('analytics');
});
