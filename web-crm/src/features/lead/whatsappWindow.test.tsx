import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { closedWindows, crm } from '../../test/crmBackend';
import { renderSignedIn } from '../../test/signedIn';

describe('WhatsApp 24-hour window in the composer', () => {
  it('says why a free text cannot go before anyone types, and sends the approved template instead', async () => {
    closedWindows.set(1, {
      state: 'CLOSED',
      freeText: false,
      template: { name: 'reopen_chat', language: 'ru', preview: 'Здравствуйте, Асель! Это Айгерим.' },
    });
    const { user } = renderSignedIn('/leads/1');
    const notice = await screen.findByTestId('window-closed', {}, { timeout: 15_000 });
    expect(notice).toHaveTextContent('Прошло больше 24 часов с последнего сообщения клиента');
    expect(notice).toHaveTextContent('«Здравствуйте, Асель! Это Айгерим.»');
    expect(screen.getByRole('textbox', { name: 'Написать клиенту…' })).toBeDisabled();

    await user.click(within(notice).getByRole('button', { name: 'Отправить шаблон' }));
    expect(await screen.findByText('Здравствуйте, Асель! Это Айгерим.')).toBeInTheDocument();
    expect(crm.requests.filter((r) => r.path === '/api/crm/leads/1/whatsapp-window/template')).toHaveLength(1);
    expect(crm.requests.filter((r) => r.path === '/api/crm/leads/1/messages')).toEqual([]);
  }, 40_000);

  it('without a template it says to call instead', async () => {
    closedWindows.set(1, { state: 'CLOSED', freeText: false, template: null });
    renderSignedIn('/leads/1');
    const notice = await screen.findByTestId('window-closed', {}, { timeout: 15_000 });
    expect(notice).toHaveTextContent('Шаблон для этого не задан: позвоните клиенту');
    expect(within(notice).queryByRole('button')).toBeNull();
  }, 40_000);
});
