import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { crm } from '../../test/crmBackend';
import { renderSignedIn } from '../../test/signedIn';

describe('settings', () => {
  it('lists stages with system roles protected; only custom stages can be deleted', async () => {
    const { user } = renderSignedIn('/settings');
    const rows = await screen.findAllByTestId('stage-row');
    expect(rows).toHaveLength(5);
    expect(within(rows[0]!).getByText(/Системный/, { selector: '.mantine-Badge-label' })).toBeInTheDocument();
    expect(within(rows[0]!).queryByRole('button', { name: 'Удалить' })).not.toBeInTheDocument();
    const custom = rows[3]!;
    expect(within(custom).getByText('Свой этап')).toBeInTheDocument();
    await user.click(within(custom).getByRole('button', { name: 'Удалить' }));
    await waitFor(() => expect(screen.getAllByTestId('stage-row')).toHaveLength(4));
    expect(crm.requests).toContainEqual({ method: 'DELETE', path: '/api/crm/stages/4', body: null });
  });

  it('creates, renames and reorders stages', async () => {
    const { user } = renderSignedIn('/settings');
    await screen.findAllByTestId('stage-row');
    await user.type(screen.getByRole('textbox', { name: 'Новый этап' }), 'Договор');
    await user.click(screen.getByRole('button', { name: 'Добавить' }));
    await waitFor(() => expect(screen.getAllByTestId('stage-row')).toHaveLength(6));

    const second = screen.getAllByTestId('stage-row')[1]!;
    const name = within(second).getByRole('textbox', { name: 'Название' });
    await user.clear(name);
    await user.type(name, 'Переговоры');
    await user.click(within(second).getByRole('button', { name: 'Сохранить' }));
    await waitFor(() => expect(crm.stages.find((stage) => stage.id === 2)?.name).toBe('Переговоры'));

    await user.click(within(screen.getAllByTestId('stage-row')[1]!).getByRole('button', { name: 'Выше' }));
    await waitFor(() => expect(crm.stages.map((stage) => stage.id).slice(0, 2)).toEqual([2, 1]));
  });

  it('invites a manager, disables a user and switches "managers see all"', async () => {
    const { user } = renderSignedIn('/settings');
    await user.click(await screen.findByRole('tab', { name: 'Сотрудники' }));
    expect(await screen.findAllByTestId('user-row')).toHaveLength(2);

    await user.type(screen.getByRole('textbox', { name: 'Имя' }), 'Гульнара');
    await user.type(screen.getByRole('textbox', { name: 'Email' }), 'gulnara@alem-dom.kz');
    await user.type(screen.getByLabelText(/^Пароль/), 'manager-pass-1');
    await user.click(screen.getByRole('button', { name: 'Пригласить' }));
    await waitFor(() => expect(screen.getAllByTestId('user-row')).toHaveLength(3));
    expect(crm.requests.find((r) => r.path === '/api/crm/users')?.body).toEqual({
      name: 'Гульнара',
      email: 'gulnara@alem-dom.kz',
      role: 'manager',
      password: 'manager-pass-1',
    });

    const erzhan = screen.getAllByTestId('user-row').find((row) => row.textContent?.includes('Ержан'))!;
    await user.click(within(erzhan).getByRole('button', { name: 'Отключить' }));
    expect(await within(erzhan).findByText('Отключён')).toBeInTheDocument();

    const toggle = screen.getByRole('switch', { name: /Менеджеры видят всех лидов/ });
    expect(toggle).toBeChecked();
    await user.click(toggle);
    await waitFor(() => expect(crm.managersSeeAll).toBe(false));
  });
});
