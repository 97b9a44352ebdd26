import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { crm } from '../../test/crmBackend';
import { renderSignedIn } from '../../test/signedIn';

describe('lead assignment settings', () => {
  it('sets round robin on call requests among chosen managers, with re-assignment after 20 minutes', async () => {
    crm.users.push({ id: 12, name: 'Гульнара', email: 'g@alem-dom.kz', role: 'manager', status: 'active' });
    crm.users.push({ id: 13, name: 'Отключённый', email: 'x@alem-dom.kz', role: 'manager', status: 'disabled' });
    const { user } = renderSignedIn('/settings');
    await user.click(await screen.findByRole('tab', { name: 'Распределение лидов' }));
    const form = await screen.findByTestId('assignment-settings');
    expect(within(form).getByRole('radio', { name: /Вручную/ })).toBeChecked();

    await user.click(within(form).getByRole('radio', { name: /По очереди/ }));
    expect(within(form).getByRole('checkbox', { name: 'Когда клиент просит звонок' })).toBeChecked();
    await user.click(within(form).getByRole('checkbox', { name: 'Когда ИИ передаёт диалог' }));
    const rotation = within(form).getByTestId('assignment-rotation');
    // only active people can be in the rotation
    expect(within(rotation).queryByText(/Отключённый/)).not.toBeInTheDocument();
    await user.click(within(rotation).getByRole('checkbox', { name: /Ержан/ }));
    await user.click(within(rotation).getByRole('checkbox', { name: /Гульнара/ }));
    const reassign = within(form).getByRole('switch', { name: /Передавать другому/ });
    expect(reassign).not.toBeChecked();
    await user.click(reassign);
    const minutes = within(form).getByRole('textbox', { name: 'Через сколько минут' });
    await user.clear(minutes);
    await user.type(minutes, '20');
    await user.click(within(form).getByRole('button', { name: 'Сохранить' }));
    await waitFor(() =>
      expect(crm.assignment).toEqual({
        mode: 'ROUND_ROBIN',
        on: ['CALL_REQUESTED', 'HANDOFF'],
        rotation: [11, 12],
        reassignAfterMinutes: 20,
      }),
    );
    expect(await within(form).findByText('Сохранено')).toBeInTheDocument();
  });

  it('shows a refused rotation (a person disabled meanwhile) in Russian', async () => {
    crm.assignment = { mode: 'ROUND_ROBIN', on: ['CALL_REQUESTED'], rotation: [11], reassignAfterMinutes: null };
    const { user } = renderSignedIn('/settings?tab=assignment');
    const form = await screen.findByTestId('assignment-settings');
    crm.users[1] = { ...crm.users[1]!, status: 'disabled' };
    await user.click(within(form).getByRole('button', { name: 'Сохранить' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('отключённый или удалённый сотрудник');
    expect(crm.assignment.rotation).toEqual([11]);
  });

  it('edits the working day and the days after which a lead counts as forgotten', async () => {
    const { user } = renderSignedIn('/settings?tab=assignment');
    const form = await screen.findByTestId('day-settings');
    const stale = within(form).getByRole('textbox', { name: /Лид забыт/ });
    await user.clear(stale);
    await user.type(stale, '5');
    const start = within(form).getByLabelText('Начало рабочего дня');
    await user.clear(start);
    await user.type(start, '10:00');
    await user.click(within(form).getByRole('button', { name: 'Сохранить' }));
    await waitFor(() => expect(crm.day).toEqual({ staleAfterDays: 5, workDayStart: '10:00', workDayEnd: '18:00' }));
  });

  it('reads the server JSON that leaves null values out: re-assignment off, nobody in the rotation', async () => {
    crm.assignment = { mode: 'MANUAL', on: ['CALL_REQUESTED'] } as unknown as typeof crm.assignment;
    renderSignedIn('/settings?tab=assignment');
    const form = await screen.findByTestId('assignment-settings');
    expect(within(form).getByRole('switch', { name: /Передавать другому/ })).not.toBeChecked();
  });
});
