import { resolve } from 'node:path';
import { expect, test, type Page } from '../browserGuard';

/**
 * The operator console on a phone (390×844 and 360×740, touch) and on a desktop (1280×800): the burger
 * navigation, no horizontal overflow on any screen, 44 px touch targets, badges that are never cut, a new
 * company's channel said plainly, the sandbox's refusal in Russian next to the send button, Cyrillic company codes.
 */
const OPERATOR_EMAIL = 'operator@e2e.test';
const OPERATOR_PASSWORD = 'operator-e2e-pass-1';
const SCREENSHOTS = resolve(process.cwd(), '../docs/screenshots');
const TABS = ['WhatsApp', 'ИИ-менеджер', 'Пакет', 'Приветствие', 'Дожимы', 'База знаний', 'Песочница', 'Журнал'];

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

async function operatorLogin(page: Page) {
  await page.goto('/admin/login');
  await page.getByLabel('Email').fill(OPERATOR_EMAIL);
  await page.getByLabel('Пароль').fill(OPERATOR_PASSWORD);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByRole('heading', { name: 'Компании' })).toBeVisible();
}

async function expectNoHorizontalOverflow(page: Page, where: string) {
  // let layout settle (fonts, late lists) before measuring
  await page.waitForLoadState('networkidle');
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${where}: page wider than the screen`).toBeLessThanOrEqual(innerWidth);
}

/** Every visible badge shows its whole label (no "АКТИВ…"). */
async function expectBadgesWhole(page: Page, where: string) {
  const cut = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.mantine-Badge-label'))
      .filter((label) => label.offsetParent !== null)
      .filter((label) => label.scrollWidth > label.clientWidth + 1)
      .map((label) => label.textContent ?? ''),
  );
  expect(cut, `${where}: badges cut`).toEqual([]);
}

/** The header's and the open navigation's buttons, links and inputs are at least 44×44 px. */
async function expectTouchTargets(page: Page, scope: string) {
  const small = await page.evaluate((selector) => {
    const out: string[] = [];
    for (const root of Array.from(document.querySelectorAll(selector))) {
      const targets = root.querySelectorAll<HTMLElement>(
        'button, a[href], input:not([type="radio"]):not([type="hidden"]), [role="radio"], label.mantine-SegmentedControl-label',
      );
      for (const el of Array.from(targets)) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue; // not shown at this width
        if (box.right <= 0 || box.left >= window.innerWidth) continue; // off screen (a collapsed navigation)
        if (box.width < 44 || box.height < 44) {
          out.push(
            `${el.tagName} "${(el.textContent || el.getAttribute('aria-label') || '').trim()}" ${Math.round(box.width)}×${Math.round(box.height)}`,
          );
        }
      }
    }
    return out;
  }, scope);
  expect(small, `touch targets under 44×44 px in ${scope}`).toEqual([]);
}

test.describe.serial('the console on a phone', () => {
  test.use(PHONE);
  const digits = String(Date.now()).slice(-7);
  const name = `Алем Строй ${digits}`;
  const slug = `alem-stroy-${digits}`;
  let page: Page;
  let tenantPath = '';

  test.beforeAll(async ({ browser }) => {
    page = await browser.newPage(PHONE);
    await operatorLogin(page);
  });

  test.afterAll(async () => {
    await page.close();
  });

  test('the burger opens the navigation, choosing a page closes it, «Выйти» stays in reach', async () => {
    const burger = page.getByRole('button', { name: 'Открыть меню' });
    await expect(burger).toBeVisible();
    await expect(page.getByRole('button', { name: 'Выйти' })).toBeInViewport();
    await expectTouchTargets(page, 'header');
    const nav = page.getByRole('navigation', { name: 'Разделы' });
    await expect(nav).not.toBeInViewport();

    await burger.click();
    await expect(nav).toBeInViewport();
    await expect(page.getByRole('button', { name: 'Закрыть меню' })).toHaveAttribute('aria-expanded', 'true');
    await expectTouchTargets(page, 'header');
    await expectTouchTargets(page, 'nav');
    await page.screenshot({ path: `${SCREENSHOTS}/admin-nav-phone.png` });

    await nav.getByRole('link', { name: 'Состояние системы' }).click();
    await expect(page.getByRole('heading', { name: 'Состояние системы' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Открыть меню' })).toHaveAttribute('aria-expanded', 'false');
    await expect(nav).not.toBeInViewport();
    await expect(page.getByRole('button', { name: 'Выйти' })).toBeInViewport();

    await page.getByRole('button', { name: 'Открыть меню' }).click();
    await nav.getByRole('link', { name: 'Компании' }).click();
    await expect(page.getByRole('heading', { name: 'Компании' })).toBeVisible();
    await expect(nav).not.toBeInViewport();
  });

  test('creates a company whose code is its name in Latin letters', async () => {
    await page.getByRole('button', { name: 'Создать компанию' }).click();
    const dialog = page.getByRole('dialog', { name: 'Новая компания' });
    await dialog.getByLabel('Название').fill(name);
    await expect(dialog.getByLabel('Код (для входа в CRM)')).toHaveValue(slug);
    await expect(dialog.getByLabel('Отраслевой пакет')).toHaveValue('Панельные дома');
    await dialog.getByLabel('Имя владельца').fill('Владелец');
    await dialog.getByLabel('Email владельца').fill(`owner@${slug}.kz`);
    await dialog.getByLabel('Начальный пароль').fill('owner-pass-1');
    await expectNoHorizontalOverflow(page, 'create company');
    await dialog.getByRole('button', { name: 'Создать' }).click();
    await expect(dialog.getByText('Компания активна')).toBeVisible();
    await dialog.getByRole('button', { name: 'Открыть компанию' }).click();
    await expect(page.getByRole('heading', { name })).toBeVisible();
    tenantPath = new URL(page.url()).pathname.replace(/\/whatsapp$/, '');
  });

  test('a new company says plainly that WhatsApp is not connected; the sandbox refuses in Russian by the send button', async () => {
    await page.goto(`${tenantPath}/whatsapp`);
    const form = page.getByRole('form', { name: 'Настройки канала WhatsApp' });
    await expect(form.getByText('WhatsApp не подключён')).toBeVisible();
    for (const radio of await form.getByRole('radio').all())
      await expect(radio).toHaveAttribute('aria-checked', 'false');
    await page.screenshot({ path: `${SCREENSHOTS}/admin-channel-phone.png`, fullPage: true });

    await page.getByRole('tab', { name: 'Песочница' }).click();
    await expect(page.getByTestId('sandbox-not-connected')).toBeVisible();
    const phone = page.getByRole('region', { name: 'Телефон клиента (песочница)' });
    await phone.getByRole('textbox', { name: 'Сообщение' }).fill('Здравствуйте');
    await phone.getByRole('button', { name: 'Отправить' }).click();
    const error = phone.getByRole('alert');
    await expect(error).toContainText('Песочница работает, только когда');
    await expect(error).not.toContainText(/sandbox|configure/i);
    await expect(error).toBeInViewport();

    await page.getByRole('tab', { name: 'WhatsApp' }).click();
    await form.getByRole('radio', { name: 'Песочница' }).click();
    await form.getByRole('button', { name: 'Подключить' }).click();
    await expect(page.getByText('Канал сохранён')).toBeVisible();
    await expect(page.getByTestId('no-webhook')).toBeVisible();
    await expect(page.getByTestId('webhook-url')).toHaveCount(0);
  });

  test('no screen is wider than the phone, at 390 and 360 px, and no badge is cut', async () => {
    const screens: [string, string][] = [
      ['tenants', '/admin/tenants'],
      ['health', '/admin/health'],
      ...TABS.map((tab, i): [string, string] => [
        tab,
        `${tenantPath}/${['whatsapp', 'ai', 'pack', 'greeting', 'followups', 'knowledge', 'sandbox', 'audit'][i]}`,
      ]),
    ];
    for (const width of [390, 360]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 740 });
      for (const [label, path] of screens) {
        await page.goto(path);
        await expect(page.getByRole('banner')).toBeVisible();
        await expectNoHorizontalOverflow(page, `${label} at ${width}px`);
        await expectBadgesWhole(page, `${label} at ${width}px`);
      }
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/admin/tenants');
    await expect(page.getByTestId('tenant-card').first()).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/admin-tenants-phone.png` });
    await page.goto('/admin/health');
    await expect(page.getByTestId('health-status')).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/admin-health-phone.png` });
  });

  test('badges are whole in English too, and «Выйти» signs out', async () => {
    await page.goto('/admin/tenants');
    await page.getByRole('button', { name: 'Открыть меню' }).click();
    const nav = page.getByRole('navigation', { name: 'Разделы' });
    await nav.locator('label', { hasText: 'EN' }).click();
    await expect(page.getByRole('heading', { name: 'Tenants' })).toBeVisible();
    await expectBadgesWhole(page, 'tenants in English');
    await page.goto(`${tenantPath}/whatsapp`);
    await expect(page.getByRole('heading', { name })).toBeVisible();
    await expectBadgesWhole(page, 'tenant in English');
    // back to Russian for the other specs sharing the browser's storage
    await page.getByRole('button', { name: 'Open menu' }).click();
    await page.getByRole('navigation', { name: 'Sections' }).locator('label', { hasText: 'RU' }).click();
    await page.getByRole('button', { name: 'Закрыть меню' }).click();

    await page.getByRole('button', { name: 'Выйти' }).click();
    await expect(page).toHaveURL(/\/admin\/login$/);
  });
});

test.describe('the console on a desktop', () => {
  test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false });

  test('keeps the side navigation, shows human pack names and whole badges', async ({ page }) => {
    await operatorLogin(page);
    await expect(page.getByRole('button', { name: 'Открыть меню' })).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Разделы' })).toBeInViewport();
    // newest first, 50 a page: the other specs' companies can push the oldest, the demo, off the first page
    await page.getByRole('textbox', { name: 'Поиск компаний' }).fill('demo');
    const demoRow = page.getByRole('row').filter({ hasText: 'Демо: Панельные дома' });
    await expect(demoRow.getByRole('cell', { name: 'Панельные дома', exact: true })).toBeVisible();
    await expect(page.getByText('panel-houses', { exact: true })).toHaveCount(0);
    await expectNoHorizontalOverflow(page, 'tenants on a desktop');
    await expectBadgesWhole(page, 'tenants on a desktop');
    await page.getByRole('link', { name: 'Состояние системы' }).click();
    await expect(page.getByTestId('health-status')).toBeVisible();
    await expectNoHorizontalOverflow(page, 'health on a desktop');
    await expectBadgesWhole(page, 'health on a desktop');
    await expect(page.getByText('n/a', { exact: true })).toHaveCount(0);
    await expect(page.getByText('CLOSED', { exact: true })).toHaveCount(0);
  });
});
