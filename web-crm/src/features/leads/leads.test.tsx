import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { crm, makeLead, pushLive } from '../../test/crmBackend';
import { renderSignedIn } from '../../test/signedIn';

async function columns() {
  return screen.findAllByTestId('board-column');
}

describe('leads board', () => {
  it('shows one column per stage in order with counts, cards sorted by score', async () => {
    renderSignedIn('/leads');
    const all = await columns();
    expect(all.map((column) => within(column).getAllByText(/./)[0]?.textContent)).toEqual([
      'Новый',
      'В работе',
      'Просит звонок',
      'Замер',
      'Успех',
    ]);
    const first = all[0]!;
    expect(within(first).getByTestId('column-count')).toHaveTextContent('2');
    const tiles = await within(first).findAllByTestId('lead-tile');
    expect(tiles.map((tile) => tile.getAttribute('data-lead-id'))).toEqual(['1', '2']);
  });

  it('shows name, city, last message, temperature with score, who leads and how long the client waits for us', async () => {
    renderSignedIn('/leads');
    const tile = (await screen.findAllByTestId('lead-tile')).find((node) => node.getAttribute('data-lead-id') === '1')!;
    expect(within(tile).getByText('Асель')).toBeInTheDocument();
    expect(within(tile).getByText(/Алматы/)).toBeInTheDocument();
    expect(within(tile).getByText(/сколько стоит дом/)).toBeInTheDocument();
    expect(within(tile).getByTestId('lead-score')).toHaveTextContent('🔥 80');
    expect(within(tile).getByTestId('handled-by')).toHaveTextContent('ИИ');
    expect(within(tile).getByTestId('no-reply-timer')).toHaveTextContent('ждёт нас 3 мин');

    const human = (await screen.findAllByTestId('lead-tile')).find(
      (node) => node.getAttribute('data-lead-id') === '3',
    )!;
    expect(within(human).getByTestId('handled-by')).toHaveTextContent('Ведёт Ержан');
  });

  it('shows a new lead without a refresh when the server announces it', async () => {
    renderSignedIn('/leads');
    await columns();
    await waitFor(() => expect(crm.live.size).toBe(1));
    crm.leads.push(makeLead({ id: 7, name: 'Новый клиент из WhatsApp', score: 95 }));
    pushLive({ type: 'lead.created', leadId: 7 });
    expect(await screen.findByText('Новый клиент из WhatsApp')).toBeInTheDocument();
    expect(screen.getByTestId('live-status')).toHaveAttribute('data-status', 'live');
  });
});

describe('live connection', () => {
  it('drops the stream when the device goes offline and catches up when it is back', async () => {
    renderSignedIn('/leads');
    await columns();
    const status = screen.getByTestId('live-status');
    await waitFor(() => expect(status).toHaveAttribute('data-status', 'live'));

    window.dispatchEvent(new Event('offline'));
    await waitFor(() => expect(status).toHaveAttribute('data-status', 'offline'));
    crm.leads.push(makeLead({ id: 9, name: 'Написал, пока не было связи', score: 99 }));

    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(status).toHaveAttribute('data-status', 'live'));
    expect(await screen.findByText('Написал, пока не было связи')).toBeInTheDocument();
  });

  it('opens the stream with a one-time ticket, never with the token in the URL, and a new ticket each time', async () => {
    renderSignedIn('/leads');
    await columns();
    const status = screen.getByTestId('live-status');
    await waitFor(() => expect(status).toHaveAttribute('data-status', 'live'));
    window.dispatchEvent(new Event('offline'));
    await waitFor(() => expect(status).toHaveAttribute('data-status', 'offline'));
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(status).toHaveAttribute('data-status', 'live'));

    expect(crm.streams).toHaveLength(2);
    const tickets = crm.streams.map((stream) => new URL(stream.url).searchParams.get('ticket'));
    expect(tickets[0]).toMatch(/^ticket-/);
    expect(tickets[1]).toMatch(/^ticket-/);
    expect(tickets[1]).not.toBe(tickets[0]);
    for (const stream of crm.streams) {
      expect(stream.url).not.toContain('access');
      expect(stream.authorization).toBe(false);
    }
  });
});

describe('leads list', () => {
  it('filters by search and temperature and keeps the filters in the URL', async () => {
    const { user, router } = renderSignedIn('/leads?view=list');
    expect(await screen.findAllByTestId('lead-row')).toHaveLength(3);

    await user.type(screen.getByLabelText('Имя, телефон или текст'), 'Бауыр');
    await waitFor(() => expect(screen.getAllByTestId('lead-row')).toHaveLength(1));
    expect(screen.getByTestId('lead-row')).toHaveTextContent('Бауыржан');
    expect(new URLSearchParams(router.state.location.search).get('q')).toBe('Бауыр');

    await user.clear(screen.getByLabelText('Имя, телефон или текст'));
    await waitFor(() => expect(screen.getAllByTestId('lead-row')).toHaveLength(3));
    await user.click(screen.getByRole('button', { name: /Фильтры/ }));
    await user.click(screen.getByRole('textbox', { name: 'Температура' }));
    await user.click(await screen.findByRole('option', { name: 'Горячий' }));
    await waitFor(() => expect(screen.getAllByTestId('lead-row')).toHaveLength(1));
    expect(screen.getByTestId('lead-row')).toHaveTextContent('Асель');
    expect(router.state.location.search).toContain('temperature=HOT');
  });

  it('restores filters from the URL', async () => {
    renderSignedIn('/leads?view=list&city=%D0%90%D1%81%D1%82%D0%B0%D0%BD%D0%B0');
    await waitFor(() => expect(screen.getAllByTestId('lead-row')).toHaveLength(1));
    expect(screen.getByTestId('lead-row')).toHaveTextContent('Бауыржан');
  });
});

describe('roles', () => {
  it('a manager sees no settings or analytics, and their URLs lead back to the leads', async () => {
    const { router } = renderSignedIn('/settings', 'manager');
    await waitFor(() => expect(router.state.location.pathname).toBe('/leads'));
    expect(await screen.findByRole('link', { name: 'Лиды' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Настройки' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Аналитика' })).not.toBeInTheDocument();
  });

  it('an owner has settings and analytics', async () => {
    renderSignedIn('/leads', 'owner');
    expect(await screen.findByRole('link', { name: 'Настройки' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Аналитика' })).toBeInTheDocument();
  });
});
