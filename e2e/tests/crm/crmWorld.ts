import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** What the CRM tests need from the operator API: their own tenant with a sandbox channel, and simulated clients. */
const OPERATOR = { email: 'operator@e2e.test', password: 'operator-e2e-pass-1' };

export interface Tenant {
  id: number;
  slug: string;
  owner: { email: string; password: string };
  operatorToken: string;
}

async function json<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  if (!response.ok()) throw new Error(`${response.url()} answered ${response.status()}: ${await response.text()}`);
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

export async function createTenant(request: APIRequestContext, label: string): Promise<Tenant> {
  const { accessToken } = await json<{ accessToken: string }>(
    await request.post('/api/admin/auth/login', { data: OPERATOR }),
  );
  const auth = { Authorization: `Bearer ${accessToken}` };
  const slug = `${label}-${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`.slice(0, 40);
  const owner = { name: 'Владелец Тест', email: `owner@${slug}.test`, password: 'owner-pass-123' };
  const tenant = await json<{ id: number }>(
    await request.post('/api/admin/tenants', {
      headers: auth,
      data: { slug, name: `E2E ${label}`, timezone: 'Asia/Almaty', locale: 'ru', pack: 'panel-houses', owner },
    }),
  );
  await json(await request.put(`/api/admin/tenants/${tenant.id}/channel`, { headers: auth, data: { provider: 'sandbox', settings: {} } }));
  return { id: tenant.id, slug, owner, operatorToken: accessToken };
}

/** A simulated client writes to the tenant's WhatsApp number. */
export async function clientWrites(request: APIRequestContext, tenant: Tenant, phone: string, name: string, text: string) {
  await json(
    await request.post(`/api/admin/tenants/${tenant.id}/sandbox/messages`, {
      headers: { Authorization: `Bearer ${tenant.operatorToken}` },
      data: { phone, name, text },
    }),
  );
}

/** Everything the sandbox "phone" of the client has seen, as one string. */
export async function sandboxChat(request: APIRequestContext, tenant: Tenant, phone: string): Promise<string> {
  const response = await request.get(`/api/admin/tenants/${tenant.id}/sandbox/chats/${encodeURIComponent(phone)}`, {
    headers: { Authorization: `Bearer ${tenant.operatorToken}` },
  });
  return response.ok() ? response.text() : '';
}

export async function crmToken(request: APIRequestContext, tenant: Tenant): Promise<string> {
  const { accessToken } = await json<{ accessToken: string }>(
    await request.post('/api/crm/auth/login', { data: { tenant: tenant.slug, ...tenant.owner } }),
  );
  return accessToken;
}

export async function leadByPhone(request: APIRequestContext, token: string, phone: string) {
  const page = await json<{
    items: {
      id: number;
      phone: string;
      stage: { id: number; name: string; role: string | null };
      lastMessage?: { direction: string } | null;
    }[];
  }>(
    await request.get(`/api/crm/leads?q=${encodeURIComponent(phone)}`, { headers: { Authorization: `Bearer ${token}` } }),
  );
  return page.items.find((lead) => lead.phone === phone) ?? null;
}

export async function logIn(page: Page, tenant: Tenant) {
  await page.goto('/crm/');
  await page.getByLabel(/Код компании/).fill(tenant.slug);
  await page.getByLabel(/Email/).fill(tenant.owner.email);
  await page.getByLabel(/Пароль/).fill(tenant.owner.password);
  await page.getByRole('button', { name: 'Войти' }).click();
  // a phone starts at «Сейчас», a desktop at the board; the tests that call this go on from the board
  await expect(home(page)).toBeVisible();
  if (new URL(page.url()).pathname.startsWith('/crm/now')) {
    await page.getByTestId('bottom-nav').getByRole('link', { name: 'Лиды' }).click();
  }
  await expect(page.getByTestId('board')).toBeVisible();
}

/** The first screen after signing in: the board on a desktop, «Сейчас» on a phone. */
export function home(page: Page) {
  return page.getByTestId('board').or(page.getByTestId('now-page'));
}

/** Signs a business user in and stays on the screen the app opens first. */
export async function logInAs(page: Page, slug: string, user: { email: string; password: string }) {
  await page.goto('/crm/login');
  await page.getByLabel(/Код компании/).fill(slug);
  await page.getByLabel(/Email/).fill(user.email);
  await page.getByLabel(/Пароль/).fill(user.password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(home(page)).toBeVisible();
}

/** A stage's leads: a column of the desktop board, or on a phone the list under the stage tabs once it is chosen. */
export function column(page: Page, stageName: string) {
  return page.locator(`[data-testid="board-column"][aria-label="${stageName}"]`);
}

/** A phone's stage tab («Название: N», the count of its leads). */
export function stageTab(page: Page, stageName: string) {
  return page.getByRole('tab', { name: new RegExp(`^${stageName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\d+$`) });
}

/** On a phone, chooses the stage's tab so its leads are listed (a desktop shows every column at once). */
export async function showStage(page: Page, stageName: string) {
  if (await page.getByTestId('stage-picker').isVisible()) {
    await stageTab(page, stageName).click();
    await expect(column(page, stageName)).toBeVisible();
  }
}

/** The tenant's stage with the given role (the pack names them; tests look them up rather than guess). */
export async function stageNamed(request: APIRequestContext, token: string, role: string): Promise<string> {
  const stages = await json<{ name: string; role: string | null }[]>(
    await request.get('/api/crm/stages', { headers: { Authorization: `Bearer ${token}` } }),
  );
  return stages.find((stage) => stage.role === role)!.name;
}

export function tile(page: Page, leadName: string) {
  return page.getByTestId('lead-tile').filter({ hasText: leadName });
}
