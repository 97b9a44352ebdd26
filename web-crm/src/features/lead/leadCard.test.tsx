import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { crm } from '../../test/crmBackend';
import { renderSignedIn } from '../../test/signedIn';

/** Renders as on a phone (≤ 768 px): the lead screen is a page with a back button and a quick-actions sheet. */
function asPhone() {
  window.matchMedia = ((query: string) => ({
    matches: query.includes('max-width: 48em'),
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
}

describe('lead card', () => {
  const originalMatchMedia = window.matchMedia;
  afterEach(() => {
    window.matchMedia = originalMatchMedia;
  });

  it('shows the WhatsApp conversation: bubbles, album, voice note, delivery state', async () => {
    renderSignedIn('/leads/1');
    // the first test of the file pays for the lazily loaded screens: give it time on a busy machine
    const chat = await screen.findByTestId('chat', {}, { timeout: 15_000 });
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
    // a transcribed voice note shows its words under it; one nobody could listen to says so
    expect(within(chat).getByTestId('voice-transcript')).toHaveTextContent(
      'Расшифровка: Нужен дом восемь на десять в Караганде',
    );
    expect(within(chat).getByTestId('voice-untranscribed')).toHaveTextContent('Голосовое — не расшифровано');
  }, 40_000);

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
    // the stage goes through the board's safe move: the stage sheet, then an Undo toast
    await user.click(within(card).getByRole('button', { name: 'Этап: Новый' }));
    const stages = await screen.findByTestId('move-stage-sheet');
    await user.click(within(stages).getByRole('button', { name: /Замер/ }));
    await waitFor(() => expect(within(card).getAllByTestId('lead-stage')[0]).toHaveTextContent('Замер'));
    expect(await screen.findByText('Лид перемещён в «Замер»')).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Этап: Замер' })).toBeInTheDocument();
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

  it("says quietly where each value came from, and a person's edit becomes theirs", async () => {
    const { user } = renderSignedIn('/leads/1');
    const card = await screen.findByTestId('lead-card');
    await user.click(within(card).getByRole('tab', { name: 'Данные' }));
    const fields = await within(card).findByTestId('lead-fields');
    expect(within(fields).getByTestId('source-name')).toHaveTextContent('из профиля WhatsApp');
    expect(within(fields).getByTestId('source-length_m')).toHaveTextContent('со слов клиента');
    expect(within(fields).queryByTestId('source-foundation_closed')).not.toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Изменить данные' }));
    const width = within(card).getByRole('textbox', { name: 'Ширина, м' });
    await user.clear(width);
    await user.type(width, '9');
    await user.click(within(card).getByRole('button', { name: 'Сохранить' }));
    const saved = await within(card).findByTestId('lead-fields');
    expect(await within(saved).findByTestId('source-width_m')).toHaveTextContent('изменено менеджером');
  });

  it('shows the history: who did what and when', async () => {
    const { user } = renderSignedIn('/leads/1');
    const card = await screen.findByTestId('lead-card');
    await user.click(within(card).getByRole('tab', { name: 'История' }));
    const history = await within(card).findByTestId('lead-history');
    expect(within(history).getByText('Этап изменён: Новый → В работе')).toBeInTheDocument();
    expect(within(history).getByText('Отправлено приветствие')).toBeInTheDocument();
  });

  it('on a phone: a compact header with back, call and actions; the actions sheet acts in place', async () => {
    asPhone();
    const { user, router } = renderSignedIn('/leads/1');
    const card = await screen.findByTestId('lead-card');
    const header = within(card).getByTestId('lead-header');
    expect(within(header).getByTestId('lead-name')).toHaveTextContent('Асель');
    expect(within(header).getByRole('link', { name: 'Позвонить' })).toHaveAttribute('href', 'tel:+77010000001');
    expect(within(header).getByTestId('lead-stage')).toHaveTextContent('Новый');
    expect(within(header).getByTestId('handled-by')).toHaveTextContent('ИИ');
    // the chat is the default tab, with the composer under it; the quick actions wait in the sheet
    const chat = await within(card).findByTestId('chat');
    expect(within(card).getByRole('textbox', { name: 'Написать клиенту…' })).toBeInTheDocument();
    expect(within(card).queryByTestId('lead-actions')).not.toBeInTheDocument();

    await user.click(within(header).getByRole('button', { name: 'Действия' }));
    const sheet = await screen.findByRole('dialog', { name: 'Действия' });
    await user.click(within(sheet).getByRole('button', { name: 'Взять на себя' }));
    await waitFor(() => expect(within(header).getByTestId('handled-by')).toHaveTextContent('Ведёт Айгерим Садыкова'));
    expect(within(sheet).getByRole('button', { name: 'Вернуть ИИ' })).toBeInTheDocument();
    // the action changed the lead in place: the same card and the same chat (no loader, no remount, no scroll jump)
    expect(screen.getByTestId('lead-card')).toBe(card);
    expect(screen.getByTestId('chat')).toBe(chat);

    // a manager picks the assignee from the active staff
    await user.click(within(sheet).getByRole('textbox', { name: 'Ответственный' }));
    await user.click(await screen.findByRole('option', { name: 'Ержан' }));
    await waitFor(() =>
      expect(crm.requests.filter((r) => r.method === 'PATCH').map((r) => r.body)).toEqual([{ assigneeId: 11 }]),
    );
    expect(screen.getByTestId('chat')).toBe(chat);

    // «Добавить задачу» closes the sheet and opens the tasks tab with the new task's form
    await user.click(within(sheet).getByRole('button', { name: 'Добавить задачу' }));
    expect(await within(card).findByTestId('task-form')).toBeInTheDocument();
    expect(within(card).getByRole('tab', { name: /Задачи/ })).toHaveAttribute('aria-selected', 'true');

    // back leaves the lead screen for the list
    await user.click(within(header).getByRole('button', { name: 'Назад' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/leads'));
  });

  it('«Редактировать данные» opens the data tab with the form', async () => {
    const { user } = renderSignedIn('/leads/1');
    const card = await screen.findByTestId('lead-card');
    await user.click(within(card).getByRole('button', { name: 'Редактировать данные' }));
    expect(await within(card).findByRole('textbox', { name: 'Ширина, м' })).toBeInTheDocument();
    expect(within(card).getByRole('tab', { name: 'Данные' })).toHaveAttribute('aria-selected', 'true');
  });

  it('pins the handoff summary at the top of the chat once a person takes over', async () => {
    const { user } = renderSignedIn('/leads/1');
    const card = await screen.findByTestId('lead-card');
    await within(card).findByTestId('chat');
    // the AI leads: no summary, no request for it
    expect(within(card).queryByTestId('lead-summary')).not.toBeInTheDocument();
    expect(crm.requests.some((r) => r.path === '/api/crm/leads/1/summary')).toBe(false);

    await user.click(within(card).getByRole('button', { name: 'Взять на себя' }));
    const summary = await within(card).findByTestId('lead-summary');
    // on a desktop it opens expanded: labels of the pack, never keys; yes/no words; what changed since the handoff
    const fields = within(summary).getByTestId('lead-summary-fields');
    expect(fields).toHaveTextContent('Ширина, м: 8,5');
    expect(fields).toHaveTextContent('Закрытие фундамента: да');
    expect(fields).not.toHaveTextContent('width_m');
    expect(within(fields).getByText('новое')).toBeInTheDocument();
    expect(within(summary).getByTestId('lead-summary-open')).toHaveTextContent('Высота стен, м, Окна, шт.');
    expect(within(summary).getByTestId('lead-summary-next')).toHaveTextContent('Уточнить: высота стен, м, окна, шт.');
    expect(within(summary).getByTestId('lead-summary-text')).toHaveTextContent('Клиент хочет дом 10 на 8,5 м');
    // it collapses to one line and opens again
    const toggle = within(summary).getByTestId('lead-summary-toggle');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(within(summary).queryByTestId('lead-summary-body')).not.toBeInTheDocument();
    expect(within(summary).getByTestId('lead-summary-teaser')).toHaveTextContent('Уточнить');
    await user.click(toggle);
    expect(within(summary).getByTestId('lead-summary-body')).toBeInTheDocument();
  });

  it('keeps the summary collapsed on a phone so the chat and the composer keep their room', async () => {
    asPhone();
    crm.leads = crm.leads.map((lead) => (lead.id === 1 ? { ...lead, handledBy: 'HUMAN' } : lead));
    renderSignedIn('/leads/1');
    const summary = await screen.findByTestId('lead-summary');
    expect(within(summary).getByTestId('lead-summary-toggle')).toHaveAttribute('aria-expanded', 'false');
    expect(within(summary).getByTestId('lead-summary-teaser')).toHaveTextContent('Уточнить: высота стен');
    expect(screen.getByRole('textbox', { name: 'Написать клиенту…' })).toBeInTheDocument();
  });
});
