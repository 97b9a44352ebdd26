import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { visitPath, type Screen } from '../fit';

/** Every main screen of the operator console for the fit and accessibility specs, on a company of their own. */
const OPERATOR = { email: 'operator@e2e.test', password: 'operator-e2e-pass-1' };
export const TENANT_TABS: [string, string][] = [
  ['whatsapp', 'WhatsApp'],
  ['ai', 'ИИ-менеджер'],
  ['pack', 'Пакет'],
  ['greeting', 'Приветствие'],
  ['followups', 'Дожимы'],
  ['knowledge', 'База знаний'],
  ['sandbox', 'Песочница'],
  ['audit', 'Журнал'],
];

export async function adminTenant(request: APIRequestContext, label: string): Promise<number> {
  const login = await request.post('/api/admin/auth/login', { data: OPERATOR });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const slug = `${label}-${Date.now().toString(36)}`;
  const created = await request.post('/api/admin/tenants', {
    headers: { Authorization: `Bearer ${accessToken}` },
    data: {
      slug,
      name: `Фит ${label}`,
      timezone: 'Asia/Almaty',
      locale: 'ru',
      pack: 'panel-houses',
      owner: { name: 'Владелец', email: `owner@${slug}.test`, password: 'owner-pass-123' },
    },
  });
  expect(created.ok(), await created.text()).toBe(true);
  return ((await created.json()) as { id: number }).id;
}

export async function operatorSignIn(page: Page) {
  await page.goto('/admin/login');
  await page.getByLabel('Email').fill(OPERATOR.email);
  await page.getByLabel('Пароль').fill(OPERATOR.password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByRole('heading', { name: 'Компании' })).toBeVisible();
}

export function adminScreens(tenantId: number): Screen[] {
  return [
    {
      name: 'login',
      signedOut: true,
      open: async (page) => {
        await page.goto('/admin/login');
        await expect(page.getByRole('button', { name: 'Войти' })).toBeVisible();
      },
    },
    {
      name: 'tenants',
      open: async (page) => {
        await visitPath(page, '/admin/tenants');
        await expect(page.getByRole('heading', { name: 'Компании' })).toBeVisible();
        await expect(page.getByText(`Фит`).first()).toBeVisible();
      },
    },
    {
      name: 'new company dialog',
      open: async (page) => {
        await visitPath(page, '/admin/tenants');
        await page.getByRole('button', { name: 'Создать компанию' }).click();
        await expect(page.getByRole('dialog', { name: 'Новая компания' })).toBeVisible();
      },
    },
    ...TENANT_TABS.map(([path, tab]): Screen => ({
      name: `company, «${tab}»`,
      open: async (page) => {
        await visitPath(page, `/admin/tenants/${tenantId}/${path}`);
        await expect(page.getByRole('tab', { name: tab, selected: true })).toBeVisible();
        await expect(page.getByRole('tabpanel')).toBeVisible();
      },
    })),
    {
      name: 'health',
      open: async (page) => {
        await visitPath(page, '/admin/health');
        await expect(page.getByTestId('health-status')).toBeVisible();
      },
    },
    {
      name: 'platform settings',
      open: async (page) => {
        await visitPath(page, '/admin/settings');
        await expect(page.getByTestId('platform-transcription')).toBeVisible();
        await expect(page.getByTestId('transcription-state')).toBeVisible();
      },
    },
    {
      name: 'navigation open',
      only: 'phone',
      open: async (page) => {
        await visitPath(page, '/admin/tenants');
        await page.getByRole('button', { name: 'Открыть меню' }).click();
        const nav = page.getByRole('navigation', { name: 'Разделы' });
        await expect(nav).toBeInViewport();
        // measured once it has slid in completely
        await expect.poll(() => nav.evaluate((el) => Math.round(el.getBoundingClientRect().left))).toBe(0);
      },
    },
  ];
}
