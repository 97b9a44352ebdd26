import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { session } from '../../lib/api';
import { tenant, tokenPair } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { server } from '../../test/server';

describe('audit tab', () => {
  it('lists who changed what and loads older entries with the cursor', async () => {
    session.save(tokenPair('1'));
    const cursors: (string | null)[] = [];
    server.use(
      http.get('*/api/admin/tenants/1001', () => HttpResponse.json(tenant)),
      http.get('*/api/admin/tenants/1001/audit', ({ request }) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        cursors.push(cursor);
        return HttpResponse.json(
          cursor === null
            ? {
                items: [
                  {
                    id: 9,
                    at: '2026-11-26T06:00:00Z',
                    actorType: 'OPERATOR',
                    actorEmail: 'ops@buildcrm.kz',
                    action: 'channel.configure',
                    target: 'chatflow',
                    details: { fields: 'token' },
                  },
                ],
                nextCursor: '9',
              }
            : {
                items: [
                  {
                    id: 1,
                    at: '2026-11-20T06:00:00Z',
                    actorType: 'SYSTEM',
                    actorEmail: 'demo-seed',
                    action: 'tenant.create',
                    target: 'alem-dom',
                    details: {},
                  },
                ],
              },
        );
      }),
    );
    const { user } = renderApp('/tenants/1001/audit');
    const table = await screen.findByRole('table', { name: 'Журнал действий' });
    expect(within(table).getByText('Настроен канал WhatsApp')).toBeInTheDocument();
    expect(within(table).getByText('оператор')).toBeInTheDocument();
    expect(within(table).queryByText('channel.configure')).not.toBeInTheDocument();
    expect(within(table).getByText('ops@buildcrm.kz')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Показать ещё' }));
    expect(await within(table).findByText('Компания создана')).toBeInTheDocument();
    expect(within(table).getAllByText('система')).not.toHaveLength(0);
    expect(within(table).queryByText('SYSTEM')).not.toBeInTheDocument();
    expect(cursors).toEqual([null, '9']);
    expect(screen.queryByRole('button', { name: 'Показать ещё' })).not.toBeInTheDocument();
  });
});
