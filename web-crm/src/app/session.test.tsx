import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { dropLegacySession, session } from '../lib/api';
import { owner, problem, tokenPair } from '../test/fixtures';
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

/** Everything scripts can read: no refresh token may be there. */
function storedText(): string {
  const all: string[] = [];
  for (const storage of [window.localStorage, window.sessionStorage]) {
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i)!;
      all.push(`${key}=${storage.getItem(key)}`);
    }
  }
  return all.join('\n');
}

describe('session', () => {
  it('returns to login with a message when the access token is refused and the refresh fails', async () => {
    session.save(tokenPair('old'));
    const refreshes: AuthCall[] = [];
    const logouts: AuthCall[] = [];
    server.use(
      http.get('*/api/crm/me', () => problem(401, 'Unauthorized', 'Token expired')),
      http.post('*/api/auth/refresh', async ({ request }) => {
        refreshes.push(await authCall(request));
        return problem(401, 'Unauthorized', 'Refresh token is no longer valid');
      }),
      http.post('*/api/auth/logout', async ({ request }) => {
        logouts.push(await authCall(request));
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { router } = renderApp('/profile');

    expect(await screen.findByText('Сеанс истёк. Войдите снова.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    // the refresh token is the server's HttpOnly cookie: the client sends an empty body and the header
    expect(refreshes).toEqual([{ body: {}, session: 'crm' }]);
    expect(logouts).toEqual([{ body: {}, session: 'crm' }]);
    expect(window.sessionStorage.getItem('buildcrm.crm.session')).toBeNull();
    expect(window.localStorage.getItem('buildcrm.crm.session.restore')).toBeNull();
  });

  it('refreshes an expired access token once through the cookie and carries on', async () => {
    session.save(tokenPair('old'));
    const refreshes: AuthCall[] = [];
    server.use(
      http.get('*/api/crm/me', ({ request }) =>
        request.headers.get('Authorization') === 'Bearer access-new'
          ? HttpResponse.json(owner)
          : problem(401, 'Unauthorized', 'Token expired'),
      ),
      http.post('*/api/auth/refresh', async ({ request }) => {
        refreshes.push(await authCall(request));
        return HttpResponse.json(tokenPair('new'));
      }),
    );
    renderApp('/profile');

    expect(await screen.findByRole('heading', { name: 'Здравствуйте, Айгерим Садыкова!' })).toBeInTheDocument();
    expect(refreshes).toEqual([{ body: {}, session: 'crm' }]);
    expect(session.tokens()).toEqual({ accessToken: 'access-new' });
    expect(JSON.parse(window.sessionStorage.getItem('buildcrm.crm.session') ?? 'null')).toEqual({
      accessToken: 'access-new',
    });
    expect(storedText()).not.toMatch(/refresh-/);
  });

  it('restores the session from the cookie in a new tab or a reopened app, without showing the login page', async () => {
    // a previous sign-in left only the restore flag (no token) in localStorage
    window.localStorage.setItem('buildcrm.crm.session.restore', '1');
    const refreshes: AuthCall[] = [];
    server.use(
      http.post('*/api/auth/refresh', async ({ request }) => {
        refreshes.push(await authCall(request));
        return HttpResponse.json(tokenPair('restored'));
      }),
      http.get('*/api/crm/me', ({ request }) =>
        request.headers.get('Authorization') === 'Bearer access-restored'
          ? HttpResponse.json(owner)
          : problem(401, 'Unauthorized'),
      ),
    );
    const { router } = renderApp('/profile');

    expect(await screen.findByRole('heading', { name: 'Здравствуйте, Айгерим Садыкова!' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/profile');
    expect(refreshes).toEqual([{ body: {}, session: 'crm' }]);
  });

  it('opened without a network, it restores the session as soon as the network is back', async () => {
    window.localStorage.setItem('buildcrm.crm.session.restore', '1');
    let online = false;
    server.use(
      http.post('*/api/auth/refresh', () => (online ? HttpResponse.json(tokenPair('back')) : HttpResponse.error())),
      http.get('*/api/crm/me', () => HttpResponse.json(owner)),
    );
    const { router } = renderApp('/profile');

    expect(await screen.findByRole('heading', { name: 'Вход в BuildCRM' })).toBeInTheDocument();
    expect(window.localStorage.getItem('buildcrm.crm.session.restore')).toBe('1');
    online = true;
    window.dispatchEvent(new Event('online'));

    expect(await screen.findByRole('heading', { name: 'Здравствуйте, Айгерим Садыкова!' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/profile');
    expect(session.tokens()).toEqual({ accessToken: 'access-back' });
  });

  it('asks the server nothing for a visitor who never signed in', async () => {
    let refreshes = 0;
    server.use(
      http.post('*/api/auth/refresh', () => {
        refreshes += 1;
        return problem(401, 'Unauthorized');
      }),
    );
    renderApp('/profile');

    expect(await screen.findByRole('heading', { name: 'Вход в BuildCRM' })).toBeInTheDocument();
    expect(refreshes).toBe(0);
    expect(screen.queryByText('Сеанс истёк. Войдите снова.')).not.toBeInTheDocument();
  });

  it('logs out: revokes the cookie session and shows the login page without the expiry message', async () => {
    session.save(tokenPair('1'));
    const logouts: AuthCall[] = [];
    server.use(
      http.get('*/api/crm/me', () => HttpResponse.json(owner)),
      http.post('*/api/auth/logout', async ({ request }) => {
        logouts.push(await authCall(request));
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user, router } = renderApp('/profile');

    await user.click(await screen.findByRole('button', { name: 'Выйти' }));

    expect(await screen.findByRole('heading', { name: 'Вход в BuildCRM' })).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(logouts).toEqual([{ body: {}, session: 'crm' }]);
    expect(screen.queryByText('Сеанс истёк. Войдите снова.')).not.toBeInTheDocument();
    expect(session.tokens()).toBeNull();
    expect(window.localStorage.getItem('buildcrm.crm.session.restore')).toBeNull();
  });

  it('drops the token pair that earlier versions kept in localStorage when the app loads', () => {
    window.localStorage.setItem(
      'buildcrm.crm.session',
      JSON.stringify({ accessToken: 'a', refreshToken: 'refresh-legacy' }),
    );
    dropLegacySession();
    expect(storedText()).not.toMatch(/refresh-legacy/);
  });
});
