import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { session } from '../../lib/api';
import { tenant, tokenPair } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { server } from '../../test/server';
import { fill } from '../../test/fill';

const chatflow = {
  provider: 'chatflow',
  settings: {
    baseUrl: 'https://app.chatflow.kz/api/v1/',
    instanceId: 'inst-1',
    token: '••••••ab12',
    webhookSecret: '••••••cd34',
  },
  webhookUrl: 'https://crm.example.kz/webhooks/chatflow/key123?secret=••••',
  lastInboundAt: '2026-11-26T05:00:00Z',
  lastError: 'HTTP 401 from ChatFlow',
  lastErrorAt: '2026-11-26T05:10:00Z',
};

describe('WhatsApp channel form', () => {
  it('shows secrets masked and sends only what the operator typed', async () => {
    session.save(tokenPair('1'));
    const bodies: unknown[] = [];
    server.use(
      http.get('*/api/admin/tenants/1001', () => HttpResponse.json(tenant)),
      http.get('*/api/admin/tenants/1001/channel', () => HttpResponse.json(chatflow)),
      http.put('*/api/admin/tenants/1001/channel', async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json(chatflow);
      }),
    );
    const { user } = renderApp('/tenants/1001/whatsapp');
    const form = await screen.findByRole('form', { name: 'Настройки канала WhatsApp' });

    expect(within(form).getByLabelText(/Токен API/)).toHaveValue('');
    expect(within(form).getByText('Сохранён: ••••••ab12. Оставьте пустым, чтобы не менять.')).toBeInTheDocument();
    expect(within(form).getByLabelText(/Id инстанса/)).toHaveValue('inst-1');
    expect(screen.getByTestId('webhook-url')).toHaveTextContent('https://crm.example.kz/webhooks/chatflow/key123');
    expect(screen.getByText(/HTTP 401 from ChatFlow/)).toBeInTheDocument();

    await user.clear(within(form).getByLabelText(/Id инстанса/));
    await fill(user, within(form).getByLabelText(/Id инстанса/), 'inst-2');
    await user.click(within(form).getByRole('button', { name: 'Сохранить канал' }));

    expect(await screen.findByText('Канал сохранён')).toBeInTheDocument();
    expect(bodies).toEqual([
      { provider: 'chatflow', settings: { baseUrl: 'https://app.chatflow.kz/api/v1/', instanceId: 'inst-2' } },
    ]);
  });

  it('switches provider fields and configures the sandbox when none is connected', async () => {
    session.save(tokenPair('1'));
    const bodies: unknown[] = [];
    server.use(
      http.get('*/api/admin/tenants/1001', () => HttpResponse.json({ ...tenant, channel: { state: 'none' } })),
      http.get('*/api/admin/tenants/1001/channel', () =>
        HttpResponse.json({ status: 404, title: 'Not Found' }, { status: 404 }),
      ),
      http.put('*/api/admin/tenants/1001/channel', async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json({ provider: 'sandbox', settings: { webhookSecret: '••••••zz' } });
      }),
    );
    const { user } = renderApp('/tenants/1001');
    const form = await screen.findByRole('form', { name: 'Настройки канала WhatsApp' });

    // nothing is connected: said plainly, and no provider is pre-selected as if it were set
    expect(within(form).getByTestId('channel-not-connected')).toHaveTextContent('WhatsApp не подключён');
    for (const radio of within(form).getAllByRole('radio')) expect(radio).not.toBeChecked();
    expect(within(form).getByRole('button', { name: 'Сохранить канал' })).toBeDisabled();

    await user.click(within(form).getByRole('radio', { name: 'Meta Cloud API' }));
    expect(within(form).getByLabelText(/Id номера телефона/)).toBeInTheDocument();
    expect(within(form).getByLabelText(/Секрет приложения/)).toBeInTheDocument();

    await user.click(within(form).getByRole('radio', { name: 'Песочница' }));
    expect(within(form).queryByLabelText(/Id номера телефона/)).not.toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Подключить' }));

    expect(await screen.findByText('Канал сохранён')).toBeInTheDocument();
    expect(bodies).toEqual([{ provider: 'sandbox', settings: {} }]);
  });

  it('tests the connection and shows the answer', async () => {
    session.save(tokenPair('1'));
    server.use(
      http.get('*/api/admin/tenants/1001', () => HttpResponse.json(tenant)),
      http.get('*/api/admin/tenants/1001/channel', () => HttpResponse.json(chatflow)),
      http.post('*/api/admin/tenants/1001/channel/test', async ({ request }) => {
        expect(await request.json()).toEqual({ phone: '+77010000000', text: 'ping' });
        return HttpResponse.json({ result: 'ACCEPTED', detail: 'Accepted, message id 42' });
      }),
    );
    const { user } = renderApp('/tenants/1001/whatsapp');
    await fill(user, await screen.findByLabelText('Телефон (необязательно)'), '+77010000000');
    await fill(user, screen.getByLabelText('Текст (необязательно)'), 'ping');
    await user.click(screen.getByRole('button', { name: 'Проверить' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Провайдер принял сообщение.');
    expect(screen.queryByText(/Accepted, message id 42/)).not.toBeInTheDocument();
  });

  it('copies the real webhook URL of a provider that has one', async () => {
    session.save(tokenPair('1'));
    server.use(
      http.get('*/api/admin/tenants/1001', () => HttpResponse.json(tenant)),
      http.get('*/api/admin/tenants/1001/channel', () => HttpResponse.json(chatflow)),
    );
    const { user } = renderApp('/tenants/1001/whatsapp');
    await user.click(await screen.findByRole('button', { name: 'Скопировать URL вебхука' }));
    // user-event stands in for the system clipboard
    expect(await navigator.clipboard.readText()).toBe(chatflow.webhookUrl);
  });

  it('hides the webhook box for the sandbox, which has no webhook', async () => {
    session.save(tokenPair('1'));
    server.use(
      http.get('*/api/admin/tenants/1001', () => HttpResponse.json(tenant)),
      http.get('*/api/admin/tenants/1001/channel', () =>
        HttpResponse.json({ provider: 'sandbox', settings: {}, webhookUrl: null }),
      ),
    );
    renderApp('/tenants/1001/whatsapp');
    expect(await screen.findByTestId('no-webhook')).toBeInTheDocument();
    expect(screen.queryByTestId('webhook-url')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Скопировать URL вебхука' })).not.toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Песочница' })).toBeChecked();
  });
});
