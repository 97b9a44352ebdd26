import { act, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { session } from '../../lib/api';
import type { Tenant } from '../../lib/api/types';
import { packs, problem, tenants, tokenPair } from '../../test/fixtures';
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
    // a server that answers without X-Total-Count: the range is what it sent
    expect(screen.getByTestId('tenants-range')).toHaveTextContent('1–2 из 2');
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

/** `count` companies, newest first, as the server orders them. */
function companies(count: number): Tenant[] {
  return Array.from({ length: count }, (_, i) => {
    const n = count - i;
    return {
      id: n,
      slug: `company-${n}`,
      name: `Компания ${n}`,
      status: 'ACTIVE',
      pack: 'panel-houses',
      owner: { name: `Владелец ${n}`, email: `owner${n}@example.kz` },
      createdAt: '2026-11-02T09:30:00+05:00',
    };
  });
}

interface Asked {
  q: string | null;
  limit: string | null;
  offset: string | null;
}

/** The server's side of the paged list: q matches code, name or owner's e-mail; X-Total-Count counts the matches. */
function serve(all: Tenant[], hold: (asked: Asked) => Promise<void> = async () => {}): Asked[] {
  const asked: Asked[] = [];
  server.use(
    http.get('*/api/admin/packs', () => HttpResponse.json(packs)),
    http.get('*/api/admin/tenants', async ({ request }) => {
      const params = new URL(request.url).searchParams;
      const q = params.get('q');
      const call = { q, limit: params.get('limit'), offset: params.get('offset') };
      asked.push(call);
      await hold(call);
      const needle = (q ?? '').toLowerCase();
      const matching = all.filter((t) =>
        [t.slug, t.name, t.owner?.email].some((value) => value?.toLowerCase().includes(needle)),
      );
      const offset = Number(params.get('offset') ?? 0);
      const limit = Number(params.get('limit') ?? matching.length);
      return HttpResponse.json(matching.slice(offset, offset + limit), {
        headers: { 'X-Total-Count': String(matching.length) },
      });
    }),
  );
  return asked;
}

const range = () => screen.getByTestId('tenants-range');
const searchBox = () => screen.getByRole('textbox', { name: 'Поиск компаний' });
const bodyRows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);

describe('tenants page at 1,000+ companies', () => {
  beforeEach(() => session.save(tokenPair('1')));

  it('asks for the first 50 and shows the range out of the total the server counted', async () => {
    const asked = serve(companies(1234));
    const { user } = renderApp('/tenants');

    await waitFor(() => expect(range()).toHaveTextContent('1–50 из 1 234'));
    expect(asked).toEqual([{ q: null, limit: '50', offset: '0' }]);
    expect(bodyRows()).toHaveLength(50);
    expect(within(bodyRows()[0]!).getByText('company-1234')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Предыдущая страница' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Следующая страница' })).toBeEnabled();

    await user.click(within(screen.getByRole('banner')).getByRole('radio', { name: 'EN' }));
    expect(await screen.findByText('1–50 of 1,234')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeEnabled();
  });

  it('moves by 50 with next and previous, keeps the page in the URL, and back returns to it', async () => {
    const asked = serve(companies(1234));
    const { user, router } = renderApp('/tenants');
    await waitFor(() => expect(range()).toHaveTextContent('1–50 из 1 234'));

    await user.click(screen.getByRole('button', { name: 'Следующая страница' }));
    await waitFor(() => expect(range()).toHaveTextContent('51–100 из 1 234'));
    expect(asked.at(-1)).toEqual({ q: null, limit: '50', offset: '50' });
    expect(router.state.location.search).toBe('?page=2');
    expect(within(bodyRows()[0]!).getByText('company-1184')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Предыдущая страница' }));
    await waitFor(() => expect(range()).toHaveTextContent('1–50 из 1 234'));
    expect(router.state.location.search).toBe('');

    await act(() => router.navigate(-1));
    await waitFor(() => expect(range()).toHaveTextContent('51–100 из 1 234'));
    expect(router.state.location.search).toBe('?page=2');
  });

  it('keeps the page on screen, dimmed, while the next one loads', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    serve(companies(1234), (call) => (call.offset === '50' ? held : Promise.resolve()));
    const { user, router } = renderApp('/tenants');
    await waitFor(() => expect(range()).toHaveTextContent('1–50 из 1 234'));

    await user.click(screen.getByRole('button', { name: 'Следующая страница' }));

    await waitFor(() => expect(screen.getByTestId('tenants-list')).toHaveAttribute('aria-busy', 'true'));
    expect(router.state.location.search).toBe('?page=2');
    expect(bodyRows()).toHaveLength(50);
    expect(within(bodyRows()[0]!).getByText('company-1234')).toBeInTheDocument();
    expect(range()).toHaveTextContent('1–50 из 1 234');

    release();
    await waitFor(() => expect(range()).toHaveTextContent('51–100 из 1 234'));
    expect(screen.getByTestId('tenants-list')).toHaveAttribute('aria-busy', 'false');
    expect(within(bodyRows()[0]!).getByText('company-1184')).toBeInTheDocument();
  });

  it('ends at the last page: a short page, no next', async () => {
    const asked = serve(companies(1234));
    renderApp('/tenants?page=25');

    await waitFor(() => expect(range()).toHaveTextContent('1 201–1 234 из 1 234'));
    expect(asked).toEqual([{ q: null, limit: '50', offset: '1200' }]);
    expect(bodyRows()).toHaveLength(34);
    expect(screen.getByRole('button', { name: 'Следующая страница' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Предыдущая страница' })).toBeEnabled();
  });

  it('corrects a page past the end to the last page that has companies', async () => {
    const asked = serve(companies(120));
    const { router } = renderApp('/tenants?page=9');

    await waitFor(() => expect(range()).toHaveTextContent('101–120 из 120'));
    expect(router.state.location.search).toBe('?page=3');
    expect(asked.map((call) => call.offset)).toEqual(['400', '100']);
  });

  it('opens on the search and page of the URL, as after a reload', async () => {
    const asked = serve(companies(1234));
    renderApp('/tenants?q=company-1&page=2');

    // company-1, -10…19, -100…199, -1000…1234
    await waitFor(() => expect(range()).toHaveTextContent('51–100 из 346'));
    expect(asked).toEqual([{ q: 'company-1', limit: '50', offset: '50' }]);
    expect(searchBox()).toHaveValue('company-1');
  });

  it('searches after a pause in typing, from the first page, and puts the search in the URL', async () => {
    const asked = serve([...companies(120), ...tenants.map((t) => ({ ...t, owner: { email: 'owner@alem.kz' } }))]);
    const { user, router } = renderApp('/tenants?page=2');
    await waitFor(() => expect(range()).toHaveTextContent('51–100 из 122'));

    await user.type(searchBox(), 'Алем');

    await waitFor(() => expect(range()).toHaveTextContent('1–1 из 1'));
    expect(bodyRows()).toHaveLength(1);
    expect(within(bodyRows()[0]!).getByText('alem-dom')).toBeInTheDocument();
    expect(router.state.location.search).toBe(`?${new URLSearchParams({ q: 'Алем' })}`);
    // one request for the whole word, not one per keystroke, and from the first page
    expect(asked.slice(1)).toEqual([{ q: 'Алем', limit: '50', offset: '0' }]);

    // refining the search replaces its history entry: back returns to the list before the search
    await user.type(searchBox(), ' д');
    await waitFor(() => expect(router.state.location.search).toBe(`?${new URLSearchParams({ q: 'Алем д' })}`));
    await act(() => router.navigate(-1));
    await waitFor(() => expect(range()).toHaveTextContent('51–100 из 122'));
    expect(searchBox()).toHaveValue('');
  });

  it('says no companies were found and offers to show them all', async () => {
    const asked = serve(companies(120));
    const { user, router } = renderApp('/tenants?q=nobody');

    expect(await screen.findByText('Компании не найдены')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByText('Компаний пока нет.')).not.toBeInTheDocument();
    expect(screen.queryByTestId('tenants-range')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Показать все компании' }));

    await waitFor(() => expect(range()).toHaveTextContent('1–50 из 120'));
    expect(router.state.location.search).toBe('');
    expect(searchBox()).toHaveValue('');
    expect(asked.at(-1)).toEqual({ q: null, limit: '50', offset: '0' });
  });

  it('clears the search at once with the cross', async () => {
    const asked = serve(companies(120));
    const { user, router } = renderApp('/tenants?q=company-120&page=1');
    await waitFor(() => expect(range()).toHaveTextContent('1–1 из 1'));

    await user.click(screen.getByRole('button', { name: 'Очистить поиск' }));

    await waitFor(() => expect(range()).toHaveTextContent('1–50 из 120'));
    expect(router.state.location.search).toBe('');
    expect(searchBox()).toHaveValue('');
    expect(asked.map((call) => call.q)).toEqual(['company-120', null]);
  });
});
