import { resolve } from 'node:path';
import { expect, test, type Page } from '../browserGuard';
import { clientWrites, createTenant, crmToken, logInAs } from './crmWorld';

const SCREENSHOTS = resolve(process.cwd(), '../docs/screenshots');

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, animations: 'disabled', caret: 'hide', scale: 'css' });
}

async function signOut(page: Page, isMobile: boolean) {
  if (isMobile) {
    await page.getByTestId('bottom-nav').getByRole('button', { name: 'Ещё' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Выйти' }).click();
  } else {
    await page.getByRole('navigation').getByRole('button', { name: 'Выйти' }).click();
  }
  await expect(page.getByRole('heading', { name: 'Вход в BuildCRM' })).toBeVisible();
}

/**
 * Issue 14, the manager's day through the UI: the owner sets round robin in Settings → a sandbox client asks for a
 * call → the manager signs in (on the phone in crm-phone), sees the lead first in «Сейчас» with «Звонок …», opens it,
 * sees the AI's call task with the parsed time, marks it done → «Сейчас» is empty.
 */
test("the manager's day: round robin, the call request first in «Сейчас», the task done", async ({ page, request, isMobile }, testInfo) => {
  const device = testInfo.project.name === 'crm-phone' ? 'phone' : 'desktop';
  const tenant = await createTenant(request, `day-${device}`);
  const token = await crmToken(request, tenant);
  const auth = { Authorization: `Bearer ${token}` };
  const manager = { email: `erlan@${tenant.slug}.test`, password: 'manager-pass-123' };
  const created = await request.post('/api/crm/users', { headers: auth, data: { name: 'Ерлан Менеджер', role: 'manager', ...manager } });
  expect(created.ok()).toBe(true);
  const managerId = ((await created.json()) as { id: number }).id;

  // the owner: round robin when a client asks for a call, the manager in the rotation
  await logInAs(page, tenant.slug, tenant.owner);
  await page.goto('/crm/settings?tab=assignment');
  const form = page.getByTestId('assignment-settings');
  await form.getByRole('radio', { name: /По очереди/ }).check();
  await expect(form.getByRole('checkbox', { name: 'Когда клиент просит звонок' })).toBeChecked();
  await form.getByTestId('assignment-rotation').getByRole('checkbox', { name: /Ерлан Менеджер/ }).check();
  await form.getByRole('button', { name: 'Сохранить' }).click();
  await expect(form.getByText('Сохранено')).toBeVisible();
  const saved = (await (await request.get('/api/crm/settings/assignment', { headers: auth })).json()) as {
    mode: string;
    rotation: number[];
  };
  expect(saved).toMatchObject({ mode: 'ROUND_ROBIN', rotation: [managerId] });
  if (!isMobile) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, 'assignment-settings');
  }
  await signOut(page, isMobile);

  // a client asks for a call in twenty minutes: near enough to be in today's «Сейчас» (the planner lists a call
  // from an hour before its time)
  const phone = `+7701555${String(Date.now()).slice(-4)}`;
  await clientWrites(request, tenant, phone, 'Ерлан Сапаров', 'Здравствуйте, хочу дом 10 на 8 в Алматы');
  await clientWrites(request, tenant, phone, 'Ерлан Сапаров', 'Позвоните мне через 20 минут');
  type LeadView = { id: number; stage: { role: string | null }; assignee: { id: number } | null };
  let lead: LeadView | undefined;
  await expect
    .poll(
      async () => {
        const page = (await (await request.get(`/api/crm/leads?q=${encodeURIComponent(phone)}`, { headers: auth })).json()) as {
          items: LeadView[];
        };
        lead = page.items[0];
        return lead ? `${lead.stage.role}/${lead.assignee?.id ?? 'nobody'}` : null;
      },
      { timeout: 45_000 },
    )
    .toBe(`CALL_REQUESTED/${managerId}`);

  // the manager: «Сейчас» is the phone's home; on a desktop it is the first item of the navigation
  await logInAs(page, tenant.slug, manager);
  if (!isMobile) await page.getByRole('navigation').getByRole('link', { name: /Сейчас/ }).click();
  await expect(page).toHaveURL(/\/crm\/now/);
  const first = page.getByTestId('now-item').first();
  await expect(first).toHaveAttribute('data-lead-id', String(lead!.id));
  await expect(first.getByTestId('now-lead')).toHaveText('Ерлан Сапаров');
  await expect(first.getByTestId('now-reason')).toContainText('Звонок на');
  await expect(first.getByRole('link', { name: 'Позвонить' })).toHaveAttribute('href', `tel:${phone}`);
  if (isMobile) {
    // every control of the row is at least 44×44 px under the thumb
    for (const control of await first.locator('a, button, [role="button"]').all()) {
      const box = (await control.boundingBox())!;
      expect(Math.min(box.width, box.height), (await control.getAttribute('aria-label')) ?? 'control').toBeGreaterThanOrEqual(44);
    }
  }
  await shoot(page, `now-${device}`);

  // the lead: its call task, made by the AI, with the time parsed from the client's words
  await first.getByRole('button', { name: 'Открыть чат' }).click();
  const card = page.getByTestId('lead-card');
  await expect(card).toHaveAttribute('data-lead-id', String(lead!.id));
  await card.getByRole('tab', { name: /Задачи/ }).click();
  const task = card.getByTestId('task').first();
  await expect(task.getByTestId('task-ai')).toHaveText('ИИ');
  await expect(task.getByTestId('task-due-text')).toContainText('через 20 минут');
  await expect(task.getByTestId('task-due')).toContainText(/\d{2}:\d{2}/);
  await expect(task).not.toHaveAttribute('data-done');
  if (isMobile) await shoot(page, 'lead-tasks-phone');
  // a controlled checkbox: it turns on when the server has answered, so a click, not check()
  await task.getByRole('checkbox', { name: 'Отметить выполненной' }).click();
  await expect(task).toHaveAttribute('data-done', 'true');

  // back to «Сейчас»: nothing left to do
  if (isMobile) await page.getByTestId('bottom-nav').getByRole('link', { name: /Сейчас/ }).click();
  else await page.getByRole('navigation').getByRole('link', { name: /Сейчас/ }).click();
  await expect(page.getByTestId('now-empty')).toContainText('Сейчас всё сделано');
});

/**
 * A Web Push message delivered to the CRM's service worker through Chromium's DevTools protocol shows a
 * notification whose address is the lead; following it opens the lead. Clicking a system notification cannot be
 * automated in headless Chromium, so the test opens the notification's `url` (what the worker's notificationclick
 * handler navigates to); the handler itself is asserted by reading the worker's script.
 */
test('a push reaches the service worker, shows a notification and opens the lead', async ({ page, context, request, baseURL }) => {
  const tenant = await createTenant(request, 'push');
  await clientWrites(request, tenant, '+77015550077', 'Пуш Клиент', 'Здравствуйте, хочу дом');
  const token = await crmToken(request, tenant);
  let leadId: number | undefined;
  await expect
    .poll(async () => {
      const list = (await (await request.get('/api/crm/leads?q=77015550077', { headers: { Authorization: `Bearer ${token}` } })).json()) as {
        items: { id: number }[];
      };
      leadId = list.items[0]?.id;
      return leadId;
    })
    .toBeDefined();

  const origin = new URL(baseURL!).origin;
  await context.grantPermissions(['notifications'], { origin });
  await logInAs(page, tenant.slug, tenant.owner);
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? null), { timeout: 30_000 })
    .toBe('activated');

  const cdp = await context.newCDPSession(page);
  const registrationId = new Promise<string>((resolveId) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const ours = registrations.find((registration) => registration.scopeURL === `${origin}/crm/` && !registration.isDeleted);
      if (ours) resolveId(ours.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  const payload = {
    title: 'Клиент ждёт ответа',
    body: 'Пуш Клиент: Здравствуйте, хочу дом',
    tag: `waiting-${leadId}`,
    url: `/crm/leads/${leadId}`,
    kind: 'CLIENT_WAITING',
    leadId,
  };
  const id = await registrationId;
  const deliver = () => cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId: id, data: JSON.stringify(payload) });
  await deliver();

  const shown = async () =>
    page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return (await registration!.getNotifications()).map((n) => ({ title: n.title, body: n.body, tag: n.tag, data: n.data }));
    });
  // DevTools' delivery is the harness here, not the product: in stop 25's CI one delivery on a loaded machine never
  // reached the worker. A push service redelivers; so does the test, a few times. The same tag makes a repeat
  // replace the notification, so exactly one must be shown.
  let deliveries = 1;
  await expect
    .poll(
      async () => {
        const count = (await shown()).length;
        if (count === 0 && deliveries < 4) {
          deliveries += 1;
          await deliver();
        }
        return count;
      },
      { timeout: 30_000, intervals: [2_000, 4_000, 6_000] },
    )
    .toBe(1);
  const [notification] = await shown();
  expect(notification).toMatchObject({
    title: payload.title,
    body: payload.body,
    tag: payload.tag,
    data: { url: `${origin}/crm/leads/${leadId}`, leadId },
  });

  // what a click does: the worker navigates a CRM window to the notification's url
  const worker = await (await request.get('/crm/sw-notifications.js')).text();
  expect(worker).toContain("addEventListener('notificationclick'");
  expect(worker).toContain('navigate(url)');
  await page.goto(notification!.data.url);
  await expect(page.getByTestId('lead-card')).toHaveAttribute('data-lead-id', String(leadId));
  await expect(page.getByTestId('lead-card').getByText('Пуш Клиент').first()).toBeVisible();
});
