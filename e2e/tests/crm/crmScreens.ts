import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { clientWrites, createTenant, crmToken, home, leadByPhone, type Tenant } from './crmWorld';
import { visitPath, type Screen, type Viewport } from '../fit';

/**
 * Every main screen of the CRM for the fit and accessibility specs: one tenant with one lead (a simulated client
 * wrote, the AI answered), visited by its owner. Screens are opened by URL (what a bookmark or a reload does) and
 * are ready when their own content shows.
 */
export interface CrmWorld {
  tenant: Tenant;
  leadId: number;
}

export async function crmWorld(request: APIRequestContext, label: string): Promise<CrmWorld> {
  const tenant = await createTenant(request, label);
  const phone = `+7701${String(Date.now()).slice(-7)}`;
  await clientWrites(request, tenant, phone, 'Айгерим Фит', 'Здравствуйте, сколько стоит дом 8 на 10?');
  const token = await crmToken(request, tenant);
  await expect.poll(async () => (await leadByPhone(request, token, phone))?.id ?? null).not.toBeNull();
  const lead = await leadByPhone(request, token, phone);
  return { tenant, leadId: lead!.id };
}

export async function signIn(page: Page, world: CrmWorld) {
  await page.goto('/crm/login');
  await page.getByLabel(/Код компании/).fill(world.tenant.slug);
  await page.getByLabel(/Email/).fill(world.tenant.owner.email);
  await page.getByLabel(/Пароль/).fill(world.tenant.owner.password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(home(page)).toBeVisible();
}

async function go(page: Page, path: string, ready: (page: Page) => ReturnType<Page['getByTestId']>) {
  await visitPath(page, `/crm${path}`);
  await expect(ready(page).first()).toBeVisible();
}

/** The settings' tabs keep their state in the page, not the URL: a user (and this) clicks them. */
function settingsTab(name: string, tab: string, ready: (page: Page) => ReturnType<Page['getByTestId']>): Screen {
  return {
    name,
    open: async (page) => {
      if (!new URL(page.url()).pathname.endsWith('/settings'))
        await go(page, '/settings', (p) => p.getByTestId('stage-row'));
      await page.getByRole('tab', { name: tab }).click();
      await expect(ready(page).first()).toBeVisible();
    },
  };
}

export function crmScreens(world: CrmWorld): Screen[] {
  const lead = (tab: string, first = false): Screen => ({
    name: `lead card, tab «${tab}»`,
    open: async (page) => {
      if (first) await go(page, `/leads/${world.leadId}`, (p) => p.getByTestId('lead-card'));
      const tabButton = page.getByTestId('lead-card').getByRole('tab', { name: new RegExp(`^${tab}`) });
      if ((await tabButton.count()) > 0) {
        await tabButton.first().click();
        await expect(tabButton.first()).toHaveAttribute('aria-selected', 'true');
      }
    },
  });
  return [
    {
      name: 'login',
      signedOut: true,
      open: async (page) => {
        await page.goto('/crm/login');
        await expect(page.getByRole('button', { name: 'Войти' })).toBeVisible();
      },
    },
    { name: 'now', open: (page) => go(page, '/now', (p) => p.getByTestId('now-page')) },
    { name: 'board', open: (page) => go(page, '/leads', (p) => p.getByTestId('board')) },
    {
      name: 'list',
      open: (page) => go(page, '/leads?view=list', (p) => p.getByText('Айгерим Фит')),
    },
    lead('Чат', true),
    lead('Задачи'),
    lead('Данные'),
    lead('История'),
    { name: 'analytics', open: (page) => go(page, '/analytics', (p) => p.getByTestId('funnel')) },
    {
      name: 'settings, stages',
      open: (page) => go(page, '/settings?tab=stages', (p) => p.getByTestId('stage-row')),
    },
    settingsTab('settings, staff', 'Сотрудники', (p) => p.getByTestId('user-row')),
    settingsTab('settings, assignment', 'Распределение лидов', (p) => p.getByRole('tabpanel').getByRole('heading')),
    { name: 'profile', open: (page) => go(page, '/profile', (p) => p.getByRole('heading').first()) },
    {
      name: '«Ещё» sheet',
      only: 'phone',
      open: async (page) => {
        await go(page, '/now', (p) => p.getByTestId('now-page'));
        await page.getByTestId('bottom-nav').getByRole('button', { name: 'Ещё' }).click();
        await expect(page.getByRole('dialog')).toBeVisible();
      },
    },
  ];
}

export type { Viewport };
