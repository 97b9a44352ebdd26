import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { session } from '../lib/api';
import { owner, problem, tokenPair } from '../test/fixtures';
import { renderApp } from '../test/renderApp';
import { server } from '../test/server';

describe('session', () => {
  it('returns to login with a message when the access token is refused and the refresh fails', async () => {
    session.save(tokenPair('old'));
    const logoutBodies: unknown[] = [];
    server.use(
      http.get('*/api/crm/me', () => problem(401, 'Unauthorized', 'Token expired')),
      http.post('*/api/auth/refresh', () => problem(401, 'Unauthorized', 'Refresh token is no longer valid')),
      http.post('*/api/auth/logout', async ({ request }) => {
        logoutBodies.push(await request.json());
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { router } = renderApp('/profile');

    expect(await screen.findByText('Сеанс истёк. Войдите снова.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(logoutBodies).toEqual([{ refreshToken: 'refresh-old' }]);
    expect(window.localStorage.getItem('buildcrm.crm.session')).toBeNull();
  });

  it('refreshes an expired access token once and carries on', async () => {
    session.save(tokenPair('old'));
    let refreshes = 0;
    server.use(
      http.get('*/api/crm/me', ({ request }) =>
        request.headers.get('Authorization') === 'Bearer access-new'
          ? HttpResponse.json(owner)
          : problem(401, 'Unauthorized', 'Token expired'),
      ),
      http.post('*/api/auth/refresh', async ({ request }) => {
        refreshes += 1;
        expect(await request.json()).toEqual({ refreshToken: 'refresh-old' });
        return HttpResponse.json(tokenPair('new'));
      }),
    );
    renderApp('/profile');

    expect(await screen.findByRole('heading', { name: 'Здравствуйте, Айгерим Садыкова!' })).toBeInTheDocument();
    expect(refreshes).toBe(1);
    expect(session.tokens()).toEqual({ accessToken: 'access-new', refreshToken: 'refresh-new' });
  });

  it('logs out: revokes the refresh token and shows the login page without the expiry message', async () => {
    session.save(tokenPair('1'));
    const logoutBodies: unknown[] = [];
    server.use(
      http.get('*/api/crm/me', () => HttpResponse.json(owner)),
      http.post('*/api/auth/logout', async ({ request }) => {
        logoutBodies.push(await request.json());
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user, router } = renderApp('/profile');

    await user.click(await screen.findByRole('button', { name: 'Выйти' }));

    expect(await screen.findByRole('heading', { name: 'Вход в BuildCRM' })).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(logoutBodies).toEqual([{ refreshToken: 'refresh-1' }]);
    expect(screen.queryByText('Сеанс истёк. Войдите снова.')).not.toBeInTheDocument();
    expect(session.tokens()).toBeNull();
  });
});
