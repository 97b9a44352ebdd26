import { expect, test } from '../browserGuard';
import { findRawWords, report, screenText, settle, type Finding } from '../rawWords';
import { clientWrites, createTenant, crmToken } from './crmWorld';

type LeadView = { id: number; phone: string; fields: Record<string, unknown>; stage: { id: number } };
type PackField = { key: string; type: string; labelRu?: string | null };

/**
 * Issue 15, «no raw words»: a realistic company (leads whose fields the AI collected, a call request, a take-over,
 * a manual edit and stage move, a manager) walked screen by screen in Russian; every screen's words are checked for
 * keys, enum tokens, "n/a", the server's English and English words (see ../rawWords.ts). Also shows the empty state
 * a new company's owner sees before the first lead.
 */
test('every CRM screen speaks Russian: no keys, enum tokens or server English', async ({ page, request }, testInfo) => {
  test.skip(testInfo.project.name !== 'crm-desktop', 'the words are the same on the phone; one walk is enough');
  test.setTimeout(180_000); // ~40 s on an idle machine; the shared CI box is slower
  const tenant = await createTenant(request, 'words');
  const operator = { Authorization: `Bearer ${tenant.operatorToken}` };
  // the AI answers at once (no waiting for the client to finish typing)
  expect(
    (await request.put(`/api/admin/tenants/${tenant.id}/ai`, { headers: operator, data: { debounceMs: 0 } })).ok(),
  ).toBe(true);
  const token = await crmToken(request, tenant);
  const auth = { Authorization: `Bearer ${token}` };
  const manager = {
    name: 'Ерлан Менеджер',
    role: 'manager',
    email: `erlan@${tenant.slug}.test`,
    password: 'manager-pass-123',
  };
  expect((await request.post('/api/crm/users', { headers: auth, data: manager })).ok()).toBe(true);
  const pack = (await (await request.get('/api/crm/pack', { headers: auth })).json()) as { fields: PackField[] };
  const fieldKeys = pack.fields.map((field) => field.key);
  const data = [tenant.slug, `E2E words`, tenant.owner.email, manager.email];
  const findings: Finding[] = [];
  const check = async (screen: string) => {
    await settle(page);
    findings.push(...findRawWords(screen, await screenText(page), fieldKeys, data));
  };

  // a new company: the owner is told what happens next
  await page.goto('/crm/login');
  await page.getByLabel(/Код компании/).fill(tenant.slug);
  await page.getByLabel(/Email/).fill(tenant.owner.email);
  await page.getByLabel(/Пароль/).fill(tenant.owner.password);
  await page.getByRole('button', { name: 'Войти' }).click();
  // the desktop opens the board; a busy CI box may take a while for the first screen
  await expect(page.getByTestId('board')).toBeVisible({ timeout: 45_000 });
  await expect(page.getByTestId('empty-company')).toBeVisible();
  await expect(page.getByTestId('empty-company').getByRole('link', { name: /Сотрудники/ })).toBeVisible();
  await check('leads, new company');

  // two clients write; the AI collects one's data and call time, the owner takes the other over
  const stamp = String(Date.now()).slice(-4);
  const asel = `+7701444${stamp}`;
  const bolat = `+7701445${stamp}`;
  await clientWrites(request, tenant, asel, 'Асель', 'Здравствуйте, хочу дом 10 на 8 в Алматы, 2 этажа');
  await clientWrites(request, tenant, bolat, 'Болат', 'Сколько стоит дом?');
  await clientWrites(request, tenant, asel, 'Асель', 'Позвоните мне завтра в 10 утра');
  const leads = async () =>
    ((await (await request.get('/api/crm/leads', { headers: auth })).json()) as { items: LeadView[] }).items;
  await expect
    .poll(
      async () => {
        const all = await leads();
        const a = all.find((lead) => lead.phone === asel);
        return Boolean(a?.fields.preferred_call_time) && all.some((lead) => lead.phone === bolat);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  const all = await leads();
  const a = all.find((lead) => lead.phone === asel)!;
  const b = all.find((lead) => lead.phone === bolat)!;
  expect((await request.post(`/api/crm/leads/${b.id}/takeover`, { headers: auth })).ok()).toBe(true);
  expect(
    (
      await request.post(`/api/crm/leads/${b.id}/messages`, {
        headers: auth,
        data: { text: 'Добрый день! Подскажу по цене.' },
      })
    ).ok(),
  ).toBe(true);
  const stages = (await (await request.get('/api/crm/stages', { headers: auth })).json()) as { id: number }[];
  const numberField = pack.fields.find((field) => /num|int/i.test(field.type) && !(field.key in a.fields));
  const patch = {
    stageId: stages.find((stage) => stage.id !== b.stage.id)!.id,
    ...(numberField ? { fields: { [numberField.key]: 3 } } : {}),
  };
  expect((await request.patch(`/api/crm/leads/${b.id}`, { headers: auth, data: patch })).ok()).toBe(true);

  await page.goto('/crm/now');
  await expect(page.getByTestId('now-page')).toBeVisible();
  await check('now');
  await page.goto('/crm/leads');
  await expect(page.getByTestId('lead-tile').first()).toBeVisible();
  await check('board');
  await page.goto('/crm/leads?view=list');
  await check('list');

  const tabs = async (screen: string, names: RegExp[]) => {
    for (const name of names) {
      await page.getByRole('tab', { name }).click();
      await check(`${screen}: ${name.source}`);
    }
  };
  await page.goto(`/crm/leads/${a.id}`);
  await expect(page.getByRole('tab', { name: /Чат/ })).toBeVisible();
  await tabs('lead with collected data', [/Чат/, /Задачи/, /Данные/, /История/]);
  await expect(page.getByTestId('lead-history')).toBeVisible();
  await page.goto(`/crm/leads/${b.id}`);
  await expect(page.getByRole('tab', { name: /Чат/ })).toBeVisible();
  await tabs('lead taken over', [/Чат/, /Данные/, /История/]);

  await page.goto('/crm/analytics');
  await check('analytics');
  for (const tab of ['stages', 'users', 'assignment']) {
    await page.goto(`/crm/settings?tab=${tab}`);
    await check(`settings: ${tab}`);
  }
  await page.goto('/crm/profile');
  await check('profile');

  expect(findings, report(findings)).toEqual([]);
});
