import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { session } from '../../lib/api';
import { problem, tenants, tokenPair } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { server } from '../../test/server';

describe('tenants page', () => {
  it('lists every tenant the server returns, one row each', async () => {
    session.save(tokenPair('1'));
    server.use(http.get('*/api/admin/tenants', () => HttpResponse.json(tenants)));
    const { router } = renderApp('/');

    const table = await screen.findByRole('table');
    expect(router.state.location.pathname).toBe('/tenants');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3); // header + 2 tenants
    const first = within(rows[1]!);
    expect(first.getByText('alem-dom')).toBeInTheDocument();
    expect(first.getByText('Алем Дом')).toBeInTheDocument();
    expect(first.getByText('Активна')).toBeInTheDocument();
    expect(first.getByText('panel-houses')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('Приостановлена')).toBeInTheDocument();
  });

  it('says so when there are no tenants yet', async () => {
    session.save(tokenPair('1'));
    server.use(http.get('*/api/admin/tenants', () => HttpResponse.json([])));
    renderApp('/tenants');

    expect(await screen.findByText('Компаний пока нет.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says in Russian why the list cannot be loaded, never the server English', async () => {
    session.save(tokenPair('1'));
    server.use(http.get('*/api/admin/tenants', () => problem(403, 'Forbidden', 'Operators only')));
    renderApp('/tenants');

    expect(await screen.findByText('Недостаточно прав для этого действия.')).toBeInTheDocument();
    expect(screen.queryByText(/Operators only/)).not.toBeInTheDocument();
    expect(screen.getByText('Не удалось загрузить компании')).toBeInTheDocument();
  });
});
