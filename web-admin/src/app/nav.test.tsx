import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { session } from '../lib/api';
import { PHONE_QUERY } from '../lib/usePhone';
import { tenants, tokenPair } from '../test/fixtures';
import { renderApp } from '../test/renderApp';
import { server } from '../test/server';

const desktopMatchMedia = window.matchMedia;

/** A 390 px phone: queries for narrow screens match. */
function phone() {
  window.matchMedia = (query: string) =>
    ({
      matches: query === PHONE_QUERY || query.includes('max-width'),
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

describe('navigation on a phone', () => {
  beforeEach(phone);
  afterEach(() => {
    window.matchMedia = desktopMatchMedia;
  });

  it('opens with the burger, closes after choosing a page, and keeps «Выйти» in the header', async () => {
    session.save(tokenPair('1'));
    server.use(
      http.get('*/api/admin/tenants', () => HttpResponse.json(tenants)),
      http.get('*/api/admin/packs', () => HttpResponse.json([])),
      http.get('*/api/admin/health', () =>
        HttpResponse.json({ status: 'ok', checkedAt: '2026-11-26T06:00:00Z', tenants: [], queues: [], errors: [] }),
      ),
    );
    const { user, router } = renderApp('/tenants');
    const burger = await screen.findByRole('button', { name: 'Открыть меню' });
    expect(burger).toHaveAttribute('aria-expanded', 'false');

    await user.click(burger);
    expect(screen.getByRole('button', { name: 'Закрыть меню' })).toHaveAttribute('aria-expanded', 'true');

    const nav = screen.getByRole('navigation', { name: 'Разделы' });
    await user.click(within(nav).getByRole('link', { name: 'Состояние системы' }));

    expect(router.state.location.pathname).toBe('/health');
    expect(screen.getByRole('button', { name: 'Открыть меню' })).toHaveAttribute('aria-expanded', 'false');
    expect(within(screen.getByRole('banner')).getByRole('button', { name: 'Выйти' })).toBeInTheDocument();
  });

  it('shows tenants as cards, with the pack by its name', async () => {
    session.save(tokenPair('1'));
    server.use(
      http.get('*/api/admin/tenants', () => HttpResponse.json(tenants)),
      http.get('*/api/admin/packs', () =>
        HttpResponse.json([{ id: 'panel-houses', nameRu: 'Панельные дома', nameEn: 'Panel houses' }]),
      ),
    );
    renderApp('/tenants');
    expect(await screen.findAllByTestId('tenant-card')).toHaveLength(tenants.length);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect((await screen.findAllByText('Панельные дома')).length).toBeGreaterThan(0);
    expect(screen.queryByText('panel-houses')).not.toBeInTheDocument();
  });
});
