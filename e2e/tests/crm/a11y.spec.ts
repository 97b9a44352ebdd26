import { expect, test } from '../browserGuard';
import { A11Y_VIEWPORTS, axeViolations, walk } from '../fit';
import { crmScreens, crmWorld, signIn } from './crmScreens';
import { column, tile } from './crmWorld';

/**
 * Issue 15: axe (WCAG 2.0 A/AA, 2.1 AA) finds no serious or critical violation on any main CRM screen, on the
 * desktop and on a phone; the board and the lead screen work with the keyboard alone.
 */
test('axe finds no serious or critical violation on any CRM screen', async ({
  browser,
  request,
  baseURL,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'crm-desktop', 'viewports are looped inside; one project is enough');
  test.setTimeout(420_000);
  const world = await crmWorld(request, 'axe');
  const findings = await walk(
    browser,
    baseURL,
    A11Y_VIEWPORTS,
    crmScreens(world),
    (page) => signIn(page, world),
    (page) => axeViolations(page),
  );
  expect(findings, findings.join('\n')).toEqual([]);
});

test('the board and the lead screen work with the keyboard alone', async ({ page, request }, testInfo) => {
  test.skip(testInfo.project.name !== 'crm-desktop', 'keyboard operation is a desktop matter');
  const world = await crmWorld(request, 'keys');
  await signIn(page, world);
  await expect(page.getByTestId('board')).toBeVisible();
  const card = tile(page, 'Айгерим Фит');
  await expect(card).toBeVisible();
  const from = await card.evaluate((el) => el.closest('[data-testid="board-column"]')?.getAttribute('aria-label'));

  // Tab reaches the card; Enter opens it
  const focusedTile = async () =>
    page.evaluate(() => document.activeElement?.closest('[data-testid="lead-tile"]')?.textContent ?? null);
  for (let i = 0; i < 60 && !((await focusedTile()) ?? '').includes('Айгерим Фит'); i++)
    await page.keyboard.press('Tab');
  expect(await focusedTile()).toContain('Айгерим Фит');
  await page.keyboard.press('Enter');
  const lead = page.getByTestId('lead-card');
  await expect(lead).toBeVisible();

  // Tab through the card's actions to the composer, type, send
  const composer = lead.getByRole('textbox', { name: 'Написать клиенту…' });
  for (let i = 0; i < 80 && !(await composer.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(composer).toBeFocused();
  await page.keyboard.type('Добрый день! Перезвоню через час.');
  await page.keyboard.press('Tab');
  for (let i = 0; i < 5; i++) {
    const name = await page.evaluate(
      () => document.activeElement?.getAttribute('aria-label') || document.activeElement?.textContent || '',
    );
    if (/Отправить/.test(name)) break;
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await expect(lead.getByText('Добрый день! Перезвоню через час.')).toBeVisible();

  // Esc closes the card, focus is back on the board
  await page.keyboard.press('Escape');
  await expect(lead).toBeHidden();

  // a lead moves to another stage with the keyboard only: Tab to the card's «Переместить», Enter opens the
  // move-to-stage sheet, Tab to a stage, Enter moves it (the card's own dnd-kit keyboard drag is the other way)
  const columns = await page
    .getByTestId('board-column')
    .evaluateAll((all) => all.map((c) => c.getAttribute('aria-label')));
  const target = columns.find((name) => name !== from && name !== columns.at(-1) && name !== columns.at(-2))!;
  const moveButton = page.getByRole('button', { name: 'Переместить «Айгерим Фит»', exact: true });
  for (let i = 0; i < 80 && !(await moveButton.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(moveButton).toBeFocused();
  await page.keyboard.press('Enter');
  const sheet = page
    .getByTestId('move-stage-sheet')
    .getByRole('dialog')
    .or(page.getByRole('dialog', { name: /Переместить/ }));
  await expect(sheet.first()).toBeVisible();
  const option = page.getByTestId('move-stage-option').filter({ hasText: target });
  for (let i = 0; i < 20 && !(await option.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(option).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(column(page, target).getByText('Айгерим Фит')).toBeVisible();
  await page.reload();
  await expect(column(page, target).getByText('Айгерим Фит')).toBeVisible();
});
