import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { crm } from '../../test/crmBackend';
import { renderSignedIn } from '../../test/signedIn';

describe('lead card', () => {
  it('shows the WhatsApp conversation: bubbles, album, voice note, delivery state', async () => {
    renderSignedIn('/leads/1');
    const chat = await screen.findByTestId('chat');
    expect(await within(chat).findByText('Здравствуйте, сколько стоит дом?')).toBeInTheDocument();
    expect(within(chat).getByText('Добрый день! Какой размер дома?')).toBeInTheDocument();
    expect(within(chat).getByTestId('chat-album').querySelectorAll('img')).toHaveLength(2);
    expect(chat.querySelector('audio')).toHaveAttribute('src', '/media/1/m3');
    const statuses = within(chat)
      .getAllByTestId('message-status')
      .map((node) => node.getAttribute('data-status'));
    expect(statuses).toEqual(['DELIVERED', 'FAILED']);
    expect(within(chat).getByText(/Не отправлено/)).toBeInTheDocument();
    // an inbound document whose file never arrived is shown as such, with its caption
    const missing = within(chat).getByTestId('media-missing');
    expect(missing).toHaveTextContent('Документ: файл не получен');
    expect(missing).toHaveAttribute('title', 'media not received: the provider answered HTTP 404');
    expect(within(chat).getByText('мой план')).toBeInTheDocument();
  });

  it('takes over from the AI, writes to the client and returns the lead to the AI', async () => {
    const { user } = renderSignedIn('/leads/1');
    const card = await screen.findByTestId('lead-card');
    await user.click(within(card).getByRole('button', { name: 'Взять на себя' }));
    expect(await within(card).findByRole('button', { name: 'Вернуть ИИ' })).toBeInTheDocument();
    expect(within(card).getAllByTestId('handled-by')[0]).toHaveTextContent('Ведёт Айгерим Садыкова');

    await user.type(
      within(card).getByRole('textbox', { name: 'Написать клиенту…' }),
      'Добрый день, это Айгерим{Enter}',
    );
    expect(await within(card).findByText('Добрый день, это Айгерим')).toBeInTheDocument();
    expect(crm.requests.filter((r) => r.path === '/api/crm/leads/1/messages')).toEqual([
      { method: 'POST', path: '/api/crm/leads/1/messages', body: { text: 'Добрый день, это Айгерим' } },
    ]);

    await user.click(within(card).getByRole('button', { name: 'Вернуть ИИ' }));
    expect(await within(card).findByRole('button', { name: 'Взять на себя' })).toBeInTheDocument();
    expect(crm.requests.map((r) => r.path)).toEqual(
      expect.arrayContaining(['/api/crm/leads/1/takeover', '/api/crm/leads/1/return-to-ai']),
    );
  });

  it('sends a photo: uploads the file, then posts the media id', async () => {
    const { user } = renderSignedIn('/leads/1');
    const card = await screen.findByTestId('lead-card');
    const input = card.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(input, new File(['png'], 'photo.png', { type: 'image/png' }));
    expect(await within(card).findByText(/photo\.png/)).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Отправить' }));
    await waitFor(() =>
      expect(crm.requests.filter((r) => r.path === '/api/crm/leads/1/messages').map((r) => r.body)).toEqual([
        { mediaId: 'up-1' },
      ]),
    );
  });

  it('moves the lead to another stage and assigns a manager', async () => {
    const { user } = renderSignedIn('/leads/1');
    const card = await screen.findByTestId('lead-card');
    await user.click(within(card).getByRole('textbox', { name: 'Этап' }));
    await user.click(await screen.findByRole('option', { name: 'Замер' }));
    await waitFor(() => expect(within(card).getAllByTestId('lead-stage')[0]).toHaveTextContent('Замер'));
    await user.click(within(card).getByRole('textbox', { name: 'Ответственный' }));
    await user.click(await screen.findByRole('option', { name: 'Ержан' }));
    await waitFor(() =>
      expect(crm.requests.filter((r) => r.method === 'PATCH').map((r) => r.body)).toEqual([
        { stageId: 4 },
        { assigneeId: 11 },
      ]),
    );
  });

  it("edits the lead's data with the pack's qualification fields", async () => {
    const { user } = renderSignedIn('/leads/1');
    const card = await screen.findByTestId('lead-card');
    await user.click(within(card).getByRole('tab', { name: 'Данные' }));
    const fields = await within(card).findByTestId('lead-fields');
    expect(within(fields).getByText('Длина, м')).toBeInTheDocument();
    expect(within(fields).getByText('Закроют фундамент')).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Изменить данные' }));
    const width = within(card).getByRole('textbox', { name: 'Ширина, м' });
    await user.clear(width);
    await user.type(width, '9');
    await user.click(within(card).getByRole('button', { name: 'Сохранить' }));
    await waitFor(() =>
      expect(crm.requests.find((r) => r.method === 'PATCH')?.body).toEqual({
        name: 'Асель',
        city: 'Алматы',
        fields: { width_m: 9 },
      }),
    );
  });

  it('shows the history: who did what and when', async () => {
    const { user } = renderSignedIn('/leads/1');
    const card = await screen.findByTestId('lead-card');
    await user.click(within(card).getByRole('tab', { name: 'История' }));
    const history = await within(card).findByTestId('lead-history');
    expect(within(history).getByText('Этап изменён: Новый → В работе')).toBeInTheDocument();
    expect(within(history).getByText('Отправлено приветствие')).toBeInTheDocument();
  });
});
