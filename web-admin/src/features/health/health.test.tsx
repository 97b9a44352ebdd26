import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { session } from '../../lib/api';
import { tokenPair } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { server } from '../../test/server';

const health = {
  status: 'degraded',
  checkedAt: '2026-11-26T06:00:00Z',
  database: { up: true, latencyMs: 2 },
  queues: [{ name: 'outbox-send', depth: 4, dueNow: 1, oldestDueAgeSeconds: 90 }],
  outbox: { pending: 1, oldestPendingAgeSeconds: 90, failedLast24h: 2, unknown: 0 },
  inbox: { unprocessed: 1, poison: 1, poisonLastError: 'PersistenceException: relation "t_1001.leads" does not exist' },
  breakers: { llm: 'n/a', channels: [{ tenantId: 1001, slug: 'alem-dom', provider: 'chatflow', state: 'OPEN' }] },
  tenants: [
    {
      id: 1001,
      slug: 'alem-dom',
      name: 'Алем Дом',
      status: 'ACTIVE',
      provider: 'chatflow',
      lastInboundAt: '2026-11-25T06:00:00Z',
      inboundLast7Days: 40,
      typicalGapSeconds: 3600,
      silentForSeconds: 86400,
      silent: true,
    },
    {
      id: 1002,
      slug: 'tez-sales',
      name: 'Tez Sales',
      status: 'ACTIVE',
      provider: 'sandbox',
      inboundLast7Days: 0,
      silent: false,
    },
  ],
  silentWebhookRule: 'rule',
  errors: [
    {
      source: 'outbox',
      tenantId: 1001,
      slug: 'alem-dom',
      message: 'HTTP 401 from ChatFlow',
      at: '2026-11-26T05:59:00Z',
    },
  ],
};

describe('health page', () => {
  it('shows the database, queues, breakers, the silent-webhook alarm and recent errors', async () => {
    session.save(tokenPair('1'));
    server.use(http.get('*/api/admin/health', () => HttpResponse.json(health)));
    const { user } = renderApp('/health');

    expect(await screen.findByTestId('health-status')).toHaveTextContent('Есть проблемы');
    expect(screen.getByRole('alert')).toHaveTextContent('Компаний без входящих дольше обычного: 1 (alem-dom)');
    expect(screen.getByText('Служебная задача')).toBeInTheDocument(); // a job without a word is never its id
    expect(screen.getByText('Не отправлено за 24 ч: 2')).toBeInTheDocument();
    expect(screen.getByText('Отложены после повторных сбоев: 1')).toBeInTheDocument();
    expect(screen.getByTestId('poison-error')).toHaveTextContent(
      'PersistenceException: relation "t_1001.leads" does not exist',
    );
    const table = screen.getByRole('table', { name: 'Компании и их входящие' });
    const row = within(table).getByRole('row', { name: /alem-dom/ });
    expect(within(row).getByText('отключён после сбоев')).toBeInTheDocument();
    expect(screen.queryByText('OPEN')).not.toBeInTheDocument();
    expect(screen.queryByText(/n\/a/)).not.toBeInTheDocument();
    expect(screen.getByText(/Предохранитель языковой модели/)).toHaveTextContent('не используется');
    expect(within(row).getByText(/молчит/)).toBeInTheDocument();
    expect(within(within(table).getByRole('row', { name: /tez-sales/ })).getByText('в норме')).toBeInTheDocument();
    expect(screen.getByText('HTTP 401 from ChatFlow')).toBeInTheDocument();

    await user.click(screen.getByRole('switch', { name: 'Автообновление' }));
    expect(screen.getByRole('switch', { name: 'Автообновление' })).not.toBeChecked();
  });

  it('retries the inbound events set aside after repeated failures and shows how many went back', async () => {
    session.save(tokenPair('1'));
    let retried = 0;
    server.use(
      http.get('*/api/admin/health', () =>
        HttpResponse.json(retried === 0 ? health : { ...health, status: 'ok', inbox: { unprocessed: 0, poison: 0 } }),
      ),
      http.post('*/api/admin/health/inbox/retry', () => {
        retried += 1;
        return HttpResponse.json({ requeued: 1 });
      }),
    );
    const { user } = renderApp('/health');

    await user.click(await screen.findByRole('button', { name: 'Повторить отложенные' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Отправлено на повторную обработку: 1');
    expect(retried).toBe(1);
    expect(await screen.findByText('Отложены после повторных сбоев: 0')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Повторить отложенные' })).not.toBeInTheDocument();
  });

  it('shows no retry button while nothing is set aside', async () => {
    session.save(tokenPair('1'));
    server.use(
      http.get('*/api/admin/health', () => HttpResponse.json({ ...health, inbox: { unprocessed: 0, poison: 0 } })),
    );
    renderApp('/health');

    expect(await screen.findByText('Отложены после повторных сбоев: 0')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Повторить отложенные' })).not.toBeInTheDocument();
  });
});
