import { expect, test, type Page } from '../browserGuard';
import { resolve } from 'node:path';
import { makePng } from './png';

const OPERATOR_EMAIL = 'operator@e2e.test';
const OPERATOR_PASSWORD = 'operator-e2e-pass-1';
const SCREENSHOTS = resolve(process.cwd(), '../docs/screenshots');

async function operatorLogin(page: Page) {
  await page.goto('/admin/login');
  await page.getByLabel('Email').fill(OPERATOR_EMAIL);
  await page.getByLabel('Пароль').fill(OPERATOR_PASSWORD);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByRole('heading', { name: 'Компании' })).toBeVisible();
}

/** The console's fixed header does not mix with full-page captures: a taller viewport shows the whole page instead. */
async function shoot(page: Page, file: string, height: number) {
  await page.setViewportSize({ width: 1280, height });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOTS}/${file}` });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('a business account is refused at the operator login', async ({ page }) => {
  // the demo owner printed in the banner is a real business account on the embedded default
  await page.goto('/admin/login');
  await page.getByLabel('Email').fill('owner@demo.kz');
  await page.getByLabel('Пароль').fill('demo-owner-1');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/login$/);
  await expect(page.getByRole('heading', { name: 'Компании' })).toHaveCount(0);
});

test('a fresh start shows the demo tenant in the console and lets its owner into the CRM', async ({
  page,
  request,
}) => {
  await operatorLogin(page);
  // newest first, 50 a page: the other specs' companies can push the oldest, the demo, off the first page
  await page.getByRole('textbox', { name: 'Поиск компаний' }).fill('demo');
  const demoRow = page.getByRole('row').filter({ hasText: 'Демо: Панельные дома' });
  await expect(demoRow).toBeVisible();
  await expect(demoRow.getByRole('cell', { name: 'Панельные дома', exact: true })).toBeVisible();
  await expect(demoRow.getByText(/Песочница/)).toBeVisible();

  const login = await request.post('/api/crm/auth/login', {
    data: { tenant: 'demo', email: 'manager@demo.kz', password: 'demo-manager-1' },
  });
  expect(login.status()).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const leads = await request.get('/api/crm/leads', { headers: { Authorization: `Bearer ${accessToken}` } });
  expect(leads.status()).toBe(200);

  await page.goto('/crm/');
  await expect(page.locator('form')).toBeVisible();
});

test.describe.serial('the operator runs a new tenant end to end', () => {
  const stamp = Date.now().toString(36);
  const slug = `e2e-${stamp}`;
  const name = `E2E Панели ${stamp}`;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await operatorLogin(page);
  });

  test.afterAll(async () => {
    await page.close();
  });

  test('creates a tenant with the panel-houses pack and sees the provisioning steps', async () => {
    await page.getByRole('button', { name: 'Создать компанию' }).click();
    const dialog = page.getByRole('dialog', { name: 'Новая компания' });
    await dialog.getByLabel('Название').fill(name);
    await dialog.getByLabel('Код (для входа в CRM)').fill(slug);
    await expect(dialog.getByLabel('Отраслевой пакет')).toHaveValue('Панельные дома');
    await dialog.getByLabel('Имя владельца').fill('Владелец E2E');
    await dialog.getByLabel('Email владельца').fill(`owner@${slug}.kz`);
    await dialog.getByLabel('Начальный пароль').fill('owner-pass-1');
    await dialog.getByRole('button', { name: 'Создать' }).click();

    await expect(dialog.getByRole('status')).toContainText(name);
    await expect(dialog.getByText('Компания активна')).toBeVisible();
    await dialog.getByRole('button', { name: 'Открыть компанию' }).click();
    await expect(page.getByRole('heading', { name })).toBeVisible();
  });

  test('configures the sandbox channel', async () => {
    await page.getByRole('tab', { name: 'WhatsApp' }).click();
    const form = page.getByRole('form', { name: 'Настройки канала WhatsApp' });
    await expect(form.getByText('WhatsApp не подключён')).toBeVisible();
    await form.getByRole('radio', { name: 'Песочница' }).click();
    await form.getByRole('button', { name: 'Подключить' }).click();
    await expect(page.getByText('Канал сохранён')).toBeVisible();
    await expect(page.getByText('Последнее входящее')).toBeVisible();
    // the sandbox has no webhook: no URL box, no copy button
    await expect(page.getByTestId('no-webhook')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Скопировать URL вебхука' })).toHaveCount(0);
    await shoot(page, 'admin-channel-desktop.png', 800);
  });

  test('configures the AI: on, rule brain, a company prompt beside the pack text', async () => {
    await page.getByRole('tab', { name: 'ИИ-менеджер' }).click();
    const form = page.getByRole('form', { name: 'Настройки ИИ-менеджера' });
    const enabled = form.getByLabel('ИИ-менеджер отвечает клиентам');
    if (!(await enabled.isChecked())) await enabled.check({ force: true });
    await form.getByRole('radio', { name: 'Правила (офлайн)' }).check({ force: true });
    await form.getByLabel('Промпт компании').fill('Отвечай коротко и дружелюбно, на «вы».');
    await expect(page.getByTestId('pack-prompt')).not.toBeEmpty();
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await expect(page.getByText('Настройки ИИ сохранены')).toBeVisible();
    await shoot(page, 'tenant-settings.png', 1000);
  });

  test('edits the greeting chain with an uploaded image and reorders it', async () => {
    await page.getByRole('tab', { name: 'Приветствие' }).click();
    const steps = page.getByRole('list', { name: 'Шаги приветствия' });
    await expect(steps.getByRole('listitem').first()).toBeVisible();
    const before = await steps.getByRole('listitem').count();

    await page.getByRole('button', { name: '+ Альбом' }).click();
    const album = steps.getByRole('listitem').nth(before);
    await expect(album).toHaveAccessibleName(`Шаг ${before + 1}: Альбом`);
    await album.locator('input[type="file"]').setInputFiles({
      name: 'panel.png',
      mimeType: 'image/png',
      buffer: makePng(),
    });
    await expect(album.getByLabel('Подпись к файлу 1')).toBeVisible();
    await album.getByLabel('Подпись к файлу 1').fill('Наша панель E2E');
    await album.getByRole('textbox', { name: 'Подпись / пояснение' }).fill('Фото панелей');
    // the album goes second: right after the greeting text
    for (let i = before; i > 1; i--) {
      await steps.getByRole('button', { name: `Поднять шаг ${i + 1}` }).click();
    }
    await expect(steps.getByRole('listitem').nth(1)).toHaveAccessibleName('Шаг 2: Альбом');

    const preview = page.getByRole('region', { name: 'Как увидит клиент' });
    await expect(preview.getByRole('img', { name: 'Наша панель E2E' })).toBeVisible();
    await page.getByRole('button', { name: 'Сохранить приветствие' }).click();
    await expect(page.getByText('Приветствие сохранено')).toBeVisible();
    await expect(page.getByText('своя цепочка')).toBeVisible();
  });

  test('plays a lead in the sandbox: the greeting chain and a question arrive, the stage changes', async () => {
    await page.getByRole('tab', { name: 'Песочница' }).click();
    const phone = page.getByRole('region', { name: 'Телефон клиента (песочница)' });
    const leadPanel = page.getByRole('region', { name: 'Лид' });

    await phone.getByRole('textbox', { name: 'Сообщение' }).fill('Здравствуйте! Сколько стоит дом?');
    await phone.getByRole('button', { name: 'Отправить' }).click();

    // greeting chain: the text, our album with the uploaded image, then the rest; the bot asks a question
    const bot = phone.getByTestId('sandbox-bot-message');
    await expect(bot.first()).toBeVisible({ timeout: 30_000 });
    await expect(phone.getByRole('img', { name: /Наша панель E2E|Фото панелей/ }).first()).toBeVisible({
      timeout: 30_000,
    });
    await expect(bot.filter({ hasText: '?' }).first()).toBeVisible({ timeout: 30_000 });
    const stage = leadPanel.getByTestId('sandbox-stage');
    await expect(stage).toBeVisible();
    const firstStage = (await stage.textContent()) ?? '';

    const answered = await bot.count();
    await phone
      .getByRole('textbox', { name: 'Сообщение' })
      .fill(
        'Я из Алматы, дом 8 на 10, высота 3 метра, фундамент закрою сами. Перезвоните мне завтра после 10, меня зовут Асель',
      );
    await phone.getByRole('button', { name: 'Отправить' }).click();
    await expect.poll(() => bot.count(), { timeout: 30_000 }).toBeGreaterThan(answered);
    await expect(stage).not.toHaveText(firstStage, { timeout: 30_000 });
    await expect(leadPanel.getByText(/Длина/)).toBeVisible();
    await expect(leadPanel.getByText('length_m')).toHaveCount(0);
    await shoot(page, 'sandbox.png', 1120);
  });

  test('sets follow-ups and sees when they would fire', async () => {
    await page.getByRole('tab', { name: 'Дожимы' }).click();
    const form = page.getByRole('form', { name: 'Настройки дожимов' });
    await form.getByLabel('Шаг 1: через, мин').fill('20');
    await form.getByLabel('Шаг 1: текст').fill('Добрый день! Остались вопросы по дому? (E2E)');
    await form.getByLabel('С', { exact: true }).fill('22:00');
    await form.getByLabel('До', { exact: true }).fill('08:30');
    await form.getByRole('button', { name: 'Сохранить дожимы' }).click();
    await expect(page.getByText('Дожимы сохранены')).toBeVisible();
    await expect(form.getByText('свои настройки')).toBeVisible();
    const timeline = page.getByRole('region', { name: 'Когда уйдут сообщения' });
    await expect(timeline.getByText('Добрый день! Остались вопросы по дому? (E2E)')).toBeVisible();
  });

  test('sees the tenant on the health page and in the audit', async () => {
    await page.getByRole('tab', { name: 'Журнал' }).click();
    const audit = page.getByRole('table', { name: 'Журнал действий' });
    await expect(audit.getByText('Изменены дожимы')).toBeVisible();
    await expect(audit.getByText('Изменено приветствие')).toBeVisible();
    await expect(audit.getByText('followups.configure')).toHaveCount(0);

    await page.getByRole('link', { name: 'Состояние системы' }).click();
    await expect(page.getByRole('heading', { name: 'Состояние системы' })).toBeVisible();
    const tenants = page.getByRole('table', { name: 'Компании и их входящие' });
    const row = tenants.getByRole('row').filter({ hasText: slug });
    await expect(row).toBeVisible();
    await expect(row.getByText('в норме')).toBeVisible();
    await expect(page.getByTestId('health-status')).toBeVisible();
    await shoot(page, 'health.png', 800);

    await page.getByRole('link', { name: 'Компании' }).click();
    const tenantRow = page.getByRole('row').filter({ hasText: slug });
    await expect(tenantRow).toBeVisible();
    await expect(tenantRow.getByRole('cell').nth(6)).toHaveText('1');
    await shoot(page, 'tenants.png', 800);
  });
});
