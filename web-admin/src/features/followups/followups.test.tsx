import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { session } from '../../lib/api';
import { tenant, tokenPair } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { server } from '../../test/server';
import { fill } from '../../test/fill';

const policy = {
  quietHours: { from: '21:00', to: '09:00' },
  steps: [
    { delayMinutes: 60, text: 'Остались вопросы?' },
    { delayMinutes: 1440, text: 'Напомню о себе' },
  ],
  capPerSilence: 3,
  minSpacingMinutes: 30,
  jitterMinutes: 5,
  source: 'pack',
  timezone: 'Asia/Almaty',
};

describe('follow-ups form', () => {
  it('validates, saves the steps, quiet hours and caps, and shows the timeline', async () => {
    session.save(tokenPair('1'));
    const bodies: unknown[] = [];
    const armed: string[] = [];
    server.use(
      http.get('*/api/admin/tenants/1001', () => HttpResponse.json(tenant)),
      http.get('*/api/admin/tenants/1001/followups', () => HttpResponse.json(policy)),
      http.put('*/api/admin/tenants/1001/followups', async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json({ ...policy, source: 'tenant' });
      }),
      http.get('*/api/admin/tenants/1001/followups/timeline', ({ request }) => {
        armed.push(new URL(request.url).searchParams.get('armedAt') ?? '');
        return HttpResponse.json({
          timezone: 'Asia/Almaty',
          steps: [
            { index: 0, text: 'Остались вопросы?', dueAt: '2026-11-26T22:00:00+05:00', movedByQuietHours: false },
            { index: 1, text: 'Напомню о себе', dueAt: '2026-11-27T09:00:00+05:00', movedByQuietHours: true },
          ],
        });
      }),
    );
    const { user } = renderApp('/tenants/1001/followups');
    const form = await screen.findByRole('form', { name: 'Настройки дожимов' });
    const timeline = screen.getByRole('region', { name: 'Когда уйдут сообщения' });
    expect(await within(timeline).findByText('перенесено из-за тихих часов')).toBeInTheDocument();
    expect(armed[0]).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    await user.clear(within(form).getByLabelText('Шаг 1: текст'));
    await user.click(within(form).getByRole('button', { name: 'Сохранить дожимы' }));
    expect(await within(form).findByText('Введите текст')).toBeInTheDocument();
    expect(bodies).toHaveLength(0);

    await fill(user, within(form).getByLabelText('Шаг 1: текст'), 'Добрый день!');
    await user.clear(within(form).getByLabelText('Шаг 2: через, мин'));
    await fill(user, within(form).getByLabelText('Шаг 2: через, мин'), '60');
    await user.click(within(form).getByRole('button', { name: 'Сохранить дожимы' }));
    expect(await within(form).findByText('Позже предыдущего шага')).toBeInTheDocument();
    expect(bodies).toHaveLength(0);

    await user.click(within(form).getByRole('button', { name: 'Удалить шаг дожима 2' }));
    await user.click(within(form).getByRole('button', { name: '+ Шаг' }));
    await fill(user, within(form).getByLabelText('Шаг 2: текст'), 'Последнее напоминание');
    await user.clear(within(form).getByLabelText('Не больше сообщений за одно молчание'));
    await fill(user, within(form).getByLabelText('Не больше сообщений за одно молчание'), '2');
    await user.click(within(form).getByRole('button', { name: 'Сохранить дожимы' }));

    expect(await screen.findByText('Дожимы сохранены')).toBeInTheDocument();
    expect(bodies).toEqual([
      {
        quietHours: { from: '21:00', to: '09:00' },
        steps: [
          { delayMinutes: 60, text: 'Добрый день!' },
          { delayMinutes: 120, text: 'Последнее напоминание' },
        ],
        capPerSilence: 2,
        minSpacingMinutes: 30,
        jitterMinutes: 5,
      },
    ]);
  });
});
