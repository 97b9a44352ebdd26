import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { session } from '../lib/api';
import { problem, tenants, tokenPair } from '../test/fixtures';
import { renderApp } from '../test/renderApp';
import { server } from '../test/server';

/** One auth call as the server saw it: the body and the cookie-mode header (the CSRF proof). */
interface AuthCall {
  body: unknown;
  session: string | null;
}

async function authCall(request: Request): Promise<AuthCall> {
  return { body: await request.json(), session: request.headers.get('X-BuildCRM-Session') };
}

describe('operator session', () => {
  it('returns to login with a message when the access token is refused and the refresh fails', async () => {
    session.save(tokenPair('old'));
    const refreshes: AuthCall[] = [];
    const logouts: AuthCall[] = [];
    server.use(
      http.get('*/api/admin/tenants', () => problem(401, 'Unauthorized', 'Token expired')),
      http.post('*/api/auth/refresh', async ({ request }) => {
        refreshes.push(await authCall(request));
        return problem(401, 'Unauthorized', 'Refresh token is no longer valid');
      }),
      http.post('*/api/auth/logout', async ({ request }) => {
        logouts.push(await authCall(request));
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { router } = renderApp('/tenants');

    expect(await screen.findByText('Сеанс истёк. Войдите снова.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    // the refresh token is the server's HttpOnly cookie (the console's own): an empty body and the header
    expect(refreshes).toEqual([{ body: {}, session: 'admin' }]);
    expect(logouts).toEqual([{ body: {}, session: 'admin' }]);
    expect(window.sessionStorage.getItem('buildcrm.admin.session')).toBeNull();
  });

  it('refreshes an expired access token once through the cookie and carries on', async () => {
    session.save(tokenPair('old'));
    const refreshes: AuthCall[] = [];
    server.use(
      http.get('*/api/admin/tenants', ({ request }) =>
        request.headers.get('Authorization') === 'Bearer access-new'
          ? HttpResponse.json(tenants)
          : problem(401, 'Unauthorized', 'Token expired'),
      ),
      http.post('*/api/auth/refresh', async ({ request }) => {
        refreshes.push(await authCall(request));
        return HttpResponse.json(tokenPair('new'));
      }),
    );
    renderApp('/tenants');

    expect(await screen.findByText('tez-sales')).toBeInTheDocument();
    expect(refreshes).toEqual([{ body: {}, session: 'admin' }]);
    expect(session.tokens()).toEqual({ accessToken: 'access-new' });
  });

  it('a reload keeps the operator signed in through the cookie; a new tab does not', async () => {
    // a reload of this tab: sessionStorage still holds the restore flag, the access token was lost
    window.sessionStorage.setItem('buildcrm.admin.session.restore', '1');
    const refreshes: AuthCall[] = [];
    server.use(
      http.post('*/api/auth/refresh', async ({ request }) => {
        refreshes.push(await authCall(request));
        return HttpResponse.json(tokenPair('restored'));
      }),
      http.get('*/api/admin/tenants', ({ request }) =>
        request.headers.get('Authorization') === 'Bearer access-restored'
          ? HttpResponse.json(tenants)
          : problem(401, 'Unauthorized'),
      ),
    );
    const { router } = renderApp('/tenants');

    expect(await screen.findByText('tez-sales')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/tenants');
    expect(refreshes).toEqual([{ body: {}, session: 'admin' }]);
    // the flag is never written where another tab could see it
    expect(Object.keys(window.localStorage).filter((key) => key.includes('session'))).toEqual([]);
  });

  it('logs out: revokes the cookie session and shows the login page without the expiry message', async () => {
    session.save(tokenPair('1'));
    const logouts: AuthCall[] = [];
    server.use(
      http.get('*/api/admin/tenants', () => HttpResponse.json(tenants)),
      http.post('*/api/auth/logout', async ({ request }) => {
        logouts.push(await authCall(request));
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user, router } = renderApp('/tenants');

    await user.click(await screen.findByRole('button', { name: 'Выйти' }));

    expect(await screen.findByRole('heading', { name: 'Вход для оператора' })).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(logouts).toEqual([{ body: {}, session: 'admin' }]);
    expect(screen.queryByText('Сеанс истёк. Войдите снова.')).not.toBeInTheDocument();
    expect(session.tokens()).toBeNull();
    expect(window.sessionStorage.length).toBe(0);
  });
});
