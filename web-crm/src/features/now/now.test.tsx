import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { crm, makeTask } from '../../test/crmBackend';
import { renderSignedIn } from '../../test/signedIn';
import { snoozeMinutes } from './api/now';

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

function seedQueue() {
  crm.tasks = [makeTask({ id: 71, leadId: 2, kind: 'CALL', title: 'Позвонить', dueAt: inMinutes(10), source: 'AI' })];
  crm.now = [
    {
      leadId: 2,
      action: {
        kind: 'CALL_DUE',
        reason: 'Звонок на 14:00 — через 10 мин',
        urgency: 90,
        dueAt: inMinutes(10),
        taskId: 71,
      },
    },
    {
      leadId: 1,
      action: { kind: 'CLIENT_WAITING', reason: 'Клиент ждёт ответа 12 мин', urgency: 70, dueAt: null, taskId: null },
    },
    { leadId: 3, action: { kind: 'STALE', reason: 'Нет активности 4 дня', urgency: 20, dueAt: null, taskId: null } },
  ];
}

const rows = () => screen.getAllByTestId('now-item');

describe('«Сейчас»', () => {
  const originalMatchMedia = window.matchMedia;
  afterEach(() => {
    window.matchMedia = originalMatchMedia;
  });

  it('shows the queue in the order the server ranked it, each with its reason and urgency', async () => {
    seedQueue();
    renderSignedIn('/now', 'manager');
    await screen.findByTestId('now-list');
    expect(rows().map((row) => row.getAttribute('data-lead-id'))).toEqual(['2', '1', '3']);
    expect(within(rows()[0]!).getByTestId('now-lead')).toHaveTextContent('Бауыржан');
    expect(within(rows()[0]!).getByTestId('now-reason')).toHaveTextContent('Звонок на 14:00 — через 10 мин');
    expect(within(rows()[0]!).getByTestId('now-due')).toBeInTheDocument();
    expect(within(rows()[1]!).getByTestId('now-reason')).toHaveTextContent('Клиент ждёт ответа 12 мин');
    expect(rows()[0]!.style.borderLeft).toContain('red');
    expect(within(rows()[0]!).getByRole('link', { name: 'Позвонить' })).toHaveAttribute('href', 'tel:+77010000002');
    // "done" only where the action comes from a task
    expect(within(rows()[0]!).getByRole('button', { name: 'Готово' })).toBeInTheDocument();
    expect(within(rows()[1]!).queryByRole('button', { name: 'Готово' })).not.toBeInTheDocument();
    // a manager has no team switch
    expect(screen.queryByTestId('now-scope')).not.toBeInTheDocument();
    expect(crm.requests.map((r) => r.path)).toContain('/api/crm/now?scope=me');
  });

  it('marks the task done and snoozes a lead with one tap each', async () => {
    seedQueue();
    const { user } = renderSignedIn('/now', 'manager');
    await screen.findByTestId('now-list');

    await user.click(within(rows()[0]!).getByRole('button', { name: 'Готово' }));
    await waitFor(() => expect(rows().map((row) => row.getAttribute('data-lead-id'))).toEqual(['1', '3']));
    expect(crm.requests).toContainEqual({ method: 'PATCH', path: '/api/crm/tasks/71', body: { done: true } });

    await user.click(within(rows()[0]!).getByRole('button', { name: 'Отложить' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Через час' }));
    await waitFor(() => expect(rows().map((row) => row.getAttribute('data-lead-id'))).toEqual(['3']));
    expect(crm.requests).toContainEqual({ method: 'POST', path: '/api/crm/leads/1/snooze', body: { minutes: 60 } });
  });

  it('opens the lead next to the queue on a desktop', async () => {
    seedQueue();
    const { user, router } = renderSignedIn('/now', 'manager');
    await screen.findByTestId('now-list');
    await user.click(within(rows()[1]!).getByRole('button', { name: 'Открыть чат' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/now/1'));
    const detail = await screen.findByTestId('now-detail');
    expect(await within(detail).findByTestId('lead-card')).toHaveAttribute('data-lead-id', '1');
    expect(screen.getByTestId('now-list')).toBeInTheDocument();
  });

  it('says when everything is done', async () => {
    renderSignedIn('/now', 'manager');
    const empty = await screen.findByTestId('now-empty');
    expect(empty).toHaveTextContent('Сейчас всё сделано');
  });

  it("lets an owner switch to the team's queue with each person's counts", async () => {
    seedQueue();
    crm.team = [
      { userId: 11, name: 'Ержан', queued: 4, overdue: 2 },
      { userId: 10, name: 'Айгерим Садыкова', queued: 1, overdue: 0 },
    ];
    const { user } = renderSignedIn('/now', 'owner');
    await screen.findByTestId('now-list');
    await user.click(screen.getByText('Команда'));
    const team = await screen.findByTestId('now-team');
    const members = within(team).getAllByTestId('now-team-member');
    expect(members[0]).toHaveTextContent('Ержан');
    expect(members[0]).toHaveTextContent('4 дела');
    expect(members[0]).toHaveTextContent('2 просрочено');
    await waitFor(() => expect(crm.requests.map((r) => r.path)).toContain('/api/crm/now?scope=team'));
  });

  it('is the home screen on a phone, with the bottom navigation', async () => {
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
    seedQueue();
    const { user, router } = renderSignedIn('/', 'manager');
    await screen.findByTestId('now-list');
    expect(router.state.location.pathname).toBe('/now');
    const nav = screen.getByTestId('bottom-nav');
    expect(
      within(nav)
        .getAllByTestId('bottom-tab')
        .map((tab) => tab.textContent),
    ).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Сейчас'),
        expect.stringContaining('Лиды'),
        expect.stringContaining('Ещё'),
      ]),
    );
    expect(within(nav).getByTestId('now-count')).toHaveTextContent('3');
    // a manager's "more" sheet: profile, language, logout (no analytics or settings)
    await user.click(within(nav).getByText('Ещё'));
    const sheet = await screen.findByRole('dialog');
    expect(within(sheet).getByRole('link', { name: 'Профиль' })).toBeInTheDocument();
    expect(within(sheet).queryByRole('link', { name: 'Настройки' })).not.toBeInTheDocument();
    expect(within(sheet).getByRole('button', { name: 'Выйти' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    // a tap on the row opens the lead full screen
    await user.click(within(nav).getByText('Сейчас'));
    await user.click(screen.getAllByRole('button', { name: /Открыть лида Бауыржан/ })[0]!);
    await waitFor(() => expect(router.state.location.pathname).toBe('/now/2'));
    expect(await screen.findByTestId('lead-card')).toHaveAttribute('data-lead-id', '2');
  });
});

describe('snooze choices', () => {
  it('computes "tomorrow 09:00" on the company clock, within the 5–1440 minutes the server allows', () => {
    // 20:00 in Almaty (15:00 UTC) → 09:00 tomorrow = 13 h
    expect(snoozeMinutes('tomorrow', new Date('2026-12-03T15:00:00Z'), 'Asia/Almaty')).toBe(13 * 60);
    // 08:00 in Almaty: tomorrow 09:00 is 25 h away → capped at a day
    expect(snoozeMinutes('tomorrow', new Date('2026-12-03T03:00:00Z'), 'Asia/Almaty')).toBe(1440);
    expect(snoozeMinutes('15m', new Date(), 'Asia/Almaty')).toBe(15);
    expect(snoozeMinutes('1h', new Date(), 'Asia/Almaty')).toBe(60);
  });
});

describe('«Сейчас» live', () => {
  it('refetches the queue when a task or lead event arrives', async () => {
    const { pushLive } = await import('../../test/crmBackend');
    renderSignedIn('/now', 'manager');
    await screen.findByTestId('now-empty');
    await waitFor(() => expect(crm.live.size).toBe(1));
    seedQueue();
    pushLive({ type: 'task.changed', leadId: 2 });
    expect(await screen.findByTestId('now-list')).toBeInTheDocument();
    expect(rows()).toHaveLength(3);
  });
});
