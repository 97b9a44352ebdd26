import { expect, test } from '../browserGuard';
import { clientWrites, createTenant, logIn, tile } from './crmWorld';

test('after a network loss the board reconnects and catches up with what happened meanwhile', async ({ page, context, request }) => {
  const tenant = await createTenant(request, 'offline');
  await logIn(page, tenant);
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', /live|polling/);

  await context.setOffline(true);
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'offline', { timeout: 30_000 });
  await clientWrites(request, tenant, '+77015550010', 'Пока вы были офлайн', 'Здравствуйте, хочу дом');

  await context.setOffline(false);
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', /live|polling/, { timeout: 30_000 });
  await expect(tile(page, 'Пока вы были офлайн')).toBeVisible({ timeout: 30_000 });
});
