import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { session } from '../../lib/api';
import { tenant, tokenPair } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { server } from '../../test/server';

describe('tenant page', () => {
  afterEach(() => vi.restoreAllMocks());

  it('suspends after confirmation and offers to resume', async () => {
    session.save(tokenPair('1'));
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const actions: string[] = [];
    server.use(
      http.get('*/api/admin/tenants/1001', () => HttpResponse.json(tenant)),
      http.get('*/api/admin/tenants/1001/channel', () => HttpResponse.json({ provider: 'sandbox', settings: {} })),
      http.post('*/api/admin/tenants/1001/:action', ({ params }) => {
        actions.push(String(params.action));
        return HttpResponse.json({ ...tenant, status: params.action === 'suspend' ? 'SUSPENDED' : 'ACTIVE' });
      }),
    );
    const { user } = renderApp('/tenants/1001');

    expect(await screen.findByRole('heading', { name: 'Алем Дом' })).toBeInTheDocument();
    expect(screen.getByText(/лидов сегодня: 3/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Приостановить' }));
    expect(await screen.findByRole('button', { name: 'Возобновить' })).toBeInTheDocument();
    expect(screen.getByText('Приостановлена')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Возобновить' }));
    expect(await screen.findByRole('button', { name: 'Приостановить' })).toBeInTheDocument();
    expect(actions).toEqual(['suspend', 'resume']);
  });

  it('opens the tab named in the address', async () => {
    session.save(tokenPair('1'));
    server.use(
      http.get('*/api/admin/tenants/1001', () => HttpResponse.json(tenant)),
      http.get('*/api/admin/tenants/1001/audit', () => HttpResponse.json({ items: [] })),
    );
    renderApp('/tenants/1001/audit');
    expect(await screen.findByText('Действий пока не было')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Журнал' })).toHaveAttribute('aria-selected', 'true');
  });
});
