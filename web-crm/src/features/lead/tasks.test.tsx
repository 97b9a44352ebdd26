import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { crm, makeTask } from '../../test/crmBackend';
import { renderSignedIn } from '../../test/signedIn';

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

async function openTasks(path = '/leads/1') {
  const view = renderSignedIn(path);
  const card = await screen.findByTestId('lead-card');
  await view.user.click(await within(card).findByRole('tab', { name: /Задачи/ }));
  const section = await within(card).findByTestId('lead-tasks');
  return { ...view, card, section };
}

describe('tasks on the lead card', () => {
  it('lists open tasks first, overdue in red, the AI call task marked with the client words', async () => {
    crm.tasks = [
      makeTask({ id: 1, leadId: 1, title: 'Старая задача', done: true, doneAt: inMinutes(-60) }),
      makeTask({ id: 2, leadId: 1, title: 'Отправить смету', dueAt: inMinutes(120) }),
      makeTask({
        id: 3,
        leadId: 1,
        kind: 'CALL',
        title: 'Позвонить',
        source: 'AI',
        dueAt: inMinutes(-30),
        dueText: 'завтра после обеда',
        assignee: { id: 11, name: 'Ержан' },
      }),
    ];
    const { card, section } = await openTasks();
    expect(within(card).getByRole('tab', { name: 'Задачи (2)' })).toBeInTheDocument();
    const tasks = within(section).getAllByTestId('task');
    expect(tasks.map((task) => task.getAttribute('data-task-id'))).toEqual(['3', '2', '1']);
    expect(tasks[0]).toHaveAttribute('data-overdue', 'true');
    expect(within(tasks[0]!).getByTestId('task-ai')).toHaveTextContent('ИИ');
    expect(within(tasks[0]!).getByTestId('task-due-text')).toHaveTextContent('Клиент просил: «завтра после обеда»');
    expect(within(tasks[0]!).getByTestId('task-due')).toHaveTextContent(/Просрочено.*Ержан/);
    expect(tasks[1]).not.toHaveAttribute('data-overdue');
    expect(tasks[2]).toHaveAttribute('data-done', 'true');
  });

  it('adds a task in the company time zone, or "as soon as possible" without a time', async () => {
    const { user, section } = await openTasks();
    expect(within(section).getByText('Задач нет')).toBeInTheDocument();

    await user.click(within(section).getByRole('button', { name: 'Добавить задачу' }));
    await user.type(within(section).getByRole('textbox', { name: 'Что сделать' }), 'Отправить смету');
    const due = section.querySelector('input[type="datetime-local"]') as HTMLInputElement;
    await user.type(due, '2030-06-01T14:30');
    await user.click(within(section).getByRole('textbox', { name: 'Исполнитель' }));
    await user.click(await screen.findByRole('option', { name: 'Ержан' }));
    await user.click(within(section).getByRole('button', { name: 'Создать' }));
    await waitFor(() => expect(within(section).getAllByTestId('task')).toHaveLength(1));
    // 14:30 in Asia/Almaty (UTC+5)
    expect(crm.requests.find((r) => r.path === '/api/crm/leads/1/tasks')?.body).toEqual({
      title: 'Отправить смету',
      dueAt: '2030-06-01T09:30:00.000Z',
      assigneeId: 11,
    });

    await user.click(within(section).getByRole('button', { name: 'Добавить задачу' }));
    await user.type(within(section).getByRole('textbox', { name: 'Что сделать' }), 'Перезвонить');
    await user.click(within(section).getByRole('button', { name: 'Создать' }));
    await waitFor(() => expect(within(section).getAllByTestId('task')).toHaveLength(2));
    expect(crm.requests.filter((r) => r.path === '/api/crm/leads/1/tasks')[1]?.body).toEqual({
      title: 'Перезвонить',
      dueAt: null,
    });
    expect(within(section).getByText('Как можно скорее')).toBeInTheDocument();
  });

  it('shows a refused task (a time in the past) in Russian next to the form', async () => {
    const { user, section } = await openTasks();
    await user.click(within(section).getByRole('button', { name: 'Добавить задачу' }));
    await user.type(within(section).getByRole('textbox', { name: 'Что сделать' }), 'Позвонить');
    await user.type(section.querySelector('input[type="datetime-local"]') as HTMLInputElement, '2020-01-01T10:00');
    await user.click(within(section).getByRole('button', { name: 'Создать' }));
    expect(await within(section).findByTestId('task-error')).toHaveTextContent('Срок уже прошёл');
    expect(crm.tasks).toHaveLength(0);
  });

  it('marks done and undone, edits and deletes after a confirmation', async () => {
    crm.tasks = [makeTask({ id: 9, leadId: 1, title: 'Отправить смету', dueAt: inMinutes(60) })];
    const { user, section } = await openTasks();
    const task = () => within(section).getByTestId('task');

    await user.click(within(task()).getByRole('checkbox', { name: 'Отметить выполненной' }));
    await waitFor(() => expect(task()).toHaveAttribute('data-done', 'true'));
    await user.click(within(task()).getByRole('checkbox', { name: 'Вернуть в работу' }));
    await waitFor(() => expect(task()).not.toHaveAttribute('data-done'));
    expect(crm.requests.filter((r) => r.path === '/api/crm/tasks/9').map((r) => r.body)).toEqual([
      { done: true },
      { done: false },
    ]);

    await user.click(within(task()).getByRole('button', { name: 'Изменить' }));
    const title = within(section).getByRole('textbox', { name: 'Что сделать' });
    await user.clear(title);
    await user.type(title, 'Отправить смету и планировку');
    await user.click(within(section).getByRole('button', { name: 'Сохранить' }));
    expect(await within(section).findByText('Отправить смету и планировку')).toBeInTheDocument();

    await user.click(within(task()).getByRole('button', { name: 'Удалить' }));
    expect(crm.tasks).toHaveLength(1); // nothing deleted before the confirmation
    await user.click(within(task()).getByRole('button', { name: 'Да, удалить' }));
    await waitFor(() => expect(within(section).queryByTestId('task')).not.toBeInTheDocument());
    expect(crm.requests).toContainEqual({ method: 'DELETE', path: '/api/crm/tasks/9', body: null });
  });
});

describe('next action everywhere', () => {
  it('shows the same reason on the board card, the list row and the lead card', async () => {
    const action = {
      kind: 'CLIENT_WAITING',
      reason: 'Клиент ждёт ответа 12 мин',
      urgency: 85,
      dueAt: null,
      taskId: null,
    };
    crm.leads[0] = { ...crm.leads[0]!, nextAction: action };
    const { user } = renderSignedIn('/leads');
    const tile = (await screen.findAllByTestId('lead-tile')).find((node) => node.getAttribute('data-lead-id') === '1')!;
    expect(within(tile).getByTestId('next-action')).toHaveTextContent('Клиент ждёт ответа 12 мин');

    await user.click(screen.getByText('Список'));
    const row = (await screen.findAllByTestId('lead-row')).find((node) => node.getAttribute('data-lead-id') === '1')!;
    expect(within(row).getByTestId('next-action')).toHaveTextContent('Клиент ждёт ответа 12 мин');
    await user.click(row);
    const card = await screen.findByTestId('lead-card');
    expect(within(card).getByTestId('next-action')).toHaveTextContent('Клиент ждёт ответа 12 мин');
  });
});
