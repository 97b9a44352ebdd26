import { expect, test } from '../browserGuard';
import { clientWrites, createTenant } from '../crm/crmWorld';
import { findRawWords, report, screenText, settle, type Finding } from '../rawWords';

type PackField = { key: string };
type TenantRow = { slug?: string; name?: string };

/**
 * Issue 15, «no raw words» in the operator console: every page in Russian — the companies list and the new-company
 * form, a company with a sandbox conversation (every tab: WhatsApp, AI, pack, greeting, follow-ups, sandbox, audit)
 * and the system health — checked for keys, enum tokens, "n/a", the server's English and English words.
 */
test('every console page speaks Russian: no keys, enum tokens or server English', async ({
  page,
  request,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'admin-desktop', 'the console has one project');
  test.setTimeout(180_000); // ~30 s on an idle machine; the shared CI box is slower
  const tenant = await createTenant(request, 'words-admin');
  const operator = { Authorization: `Bearer ${tenant.operatorToken}` };
  await clientWrites(
    request,
    tenant,
    `+7701446${String(Date.now()).slice(-4)}`,
    'Айгерим',
    'Здравствуйте, хочу дом 10 на 8 в Алматы',
  );
  const pack = (await (await request.get(`/api/admin/tenants/${tenant.id}/pack`, { headers: operator })).json()) as {
    fields?: PackField[];
  };
  const packs = (await (await request.get('/api/admin/packs', { headers: operator })).json()) as {
    fields?: PackField[];
  }[];
  const fieldKeys = [...(pack.fields ?? []), ...packs.flatMap((item) => item.fields ?? [])].map((field) => field.key);
  // company codes and names are data the operators typed (other tests' companies are listed too)
  const listed = (await (await request.get('/api/admin/tenants?limit=200', { headers: operator })).json()) as
    { items?: TenantRow[] } | TenantRow[];
  const rows = Array.isArray(listed) ? listed : (listed.items ?? []);
  const data = rows.flatMap((row) => [row.slug ?? '', row.name ?? '']).concat(tenant.slug, 'E2E words-admin');
  const findings: Finding[] = [];
  const check = async (screen: string) => {
    await settle(page);
    findings.push(...findRawWords(screen, await screenText(page), [...new Set(fieldKeys)], data));
  };

  await page.goto('/admin/login');
  await check('login');
  await page.getByLabel('Email').fill('operator@e2e.test');
  await page.getByLabel('Пароль').fill('operator-e2e-pass-1');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByRole('heading', { name: 'Компании' })).toBeVisible();
  await check('companies');
  await page.getByRole('button', { name: 'Создать компанию' }).click();
  await expect(page.getByRole('dialog', { name: 'Новая компания' })).toBeVisible();
  await check('new company form');
  await page.keyboard.press('Escape');

  for (const tab of ['whatsapp', 'ai', 'pack', 'greeting', 'followups', 'knowledge', 'sandbox', 'audit']) {
    await page.goto(`/admin/tenants/${tenant.id}/${tab}`);
    await expect(page.getByRole('tab', { selected: true })).toBeVisible();
    await check(`company: ${tab}`);
  }
  await page.goto('/admin/health');
  await expect(page.getByTestId('health-status')).toBeVisible();
  await check('health');

  expect(findings, report(findings)).toEqual([]);
});
