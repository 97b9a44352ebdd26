import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { session } from '../../lib/api';
import { tenant, tokenPair } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { server } from '../../test/server';
import { fill } from '../../test/fill';

describe('sandbox', () => {
  it('sends the lead’s message, shows the bot’s replies and the lead’s stage, score and fields', async () => {
    session.save(tokenPair('1'));
    const sent: { phone: string; name: string; text: string }[] = [];
    let answered = false;
    server.use(
      http.get('*/api/admin/tenants/1001', () => HttpResponse.json(tenant)),
      http.post('*/api/admin/tenants/1001/sandbox/messages', async ({ request }) => {
        sent.push((await request.json()) as { phone: string; name: string; text: string });
        answered = true;
        return new HttpResponse(null, { status: 202 });
      }),
      http.get('*/api/admin/tenants/1001/sandbox/chats/:phone', () =>
        HttpResponse.json(
          answered
            ? [
                { id: 1, direction: 'IN', kind: 'TEXT', text: 'Сколько стоит дом?', createdAt: '2026-11-26T06:00:00Z' },
                {
                  id: 2,
                  direction: 'OUT',
                  kind: 'TEXT',
                  text: 'Здравствуйте! Какой дом вы рассматриваете?',
                  createdAt: '2026-11-26T06:00:05Z',
                },
                {
                  id: 3,
                  direction: 'OUT',
                  kind: 'IMAGE',
                  text: 'Панель 150 мм',
                  media: { url: 'https://crm.example.kz/media/1001/m-1?sig=x', mimeType: 'image/png' },
                  createdAt: '2026-11-26T06:00:06Z',
                },
              ]
            : [],
        ),
      ),
      http.get('*/api/admin/tenants/1001/sandbox/leads/:phone', () =>
        answered
          ? HttpResponse.json({
              id: 7,
              phone: '+77010000001',
              name: 'Асель',
              stage: { id: 2, name: 'В работе', role: 'IN_PROGRESS' },
              temperature: 'WARM',
              score: 35,
              handledBy: 'AI',
              fields: { length_m: 8, width_m: 10 },
            })
          : HttpResponse.json({ status: 404, title: 'Not Found' }, { status: 404 }),
      ),
    );
    const { user } = renderApp('/tenants/1001/sandbox');
    const phone = await screen.findByRole('region', { name: 'Телефон клиента (песочница)' });
    expect(screen.getByText('Лида ещё нет: начните переписку')).toBeInTheDocument();

    await fill(user, within(phone).getByRole('textbox', { name: 'Сообщение' }), 'Сколько стоит дом?');
    await user.click(within(phone).getByRole('button', { name: 'Отправить' }));

    expect(await within(phone).findByText('Здравствуйте! Какой дом вы рассматриваете?')).toBeInTheDocument();
    expect(within(phone).getByRole('img', { name: 'Панель 150 мм' })).toBeInTheDocument();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text).toBe('Сколько стоит дом?');
    expect(sent[0]?.phone).toMatch(/^\+7701\d{7}$/);
    const lead = screen.getByRole('region', { name: 'Лид' });
    expect(await within(lead).findByTestId('sandbox-stage')).toHaveTextContent('В работе');
    expect(within(lead).getByTestId('sandbox-score')).toHaveTextContent('35');
    expect(within(lead).getByText('length_m')).toBeInTheDocument();
    expect(within(lead).getByText('тёплый')).toBeInTheDocument();
    expect(within(phone).getByRole('textbox', { name: 'Сообщение' })).toHaveValue('');
  });
});
