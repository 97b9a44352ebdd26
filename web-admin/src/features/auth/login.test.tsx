import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { session } from '../../lib/api';
import { problem, tenants, tokenPair } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { server } from '../../test/server';

async function fillAndSubmit(user: ReturnType<typeof renderApp>['user'], password = 'operator-pass') {
  await user.type(screen.getByLabelText(/Email/), 'ops@buildcrm.kz');
  await user.type(screen.getByLabelText(/Пароль/), password);
  await user.click(screen.getByRole('button', { name: 'Войти' }));
}

describe('operator login', () => {
  it('sends an anonymous visitor to the login page', async () => {
    const { router } = renderApp('/tenants');
    expect(await screen.findByRole('heading', { name: 'Вход для оператора' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
  });

  it('signs in with email and password and lands on the tenants page', async () => {
    let loginBody: unknown;
    let loginMode: string | null = null;
    let tenantsAuthorization: string | null = null;
    server.use(
      http.post('*/api/admin/auth/login', async ({ request }) => {
        loginBody = await request.json();
        loginMode = request.headers.get('X-BuildCRM-Session');
        return HttpResponse.json(tokenPair('1'));
      }),
      http.get('*/api/admin/tenants', ({ request }) => {
        tenantsAuthorization = request.headers.get('Authorization');
        return HttpResponse.json(tenants);
      }),
    );
    const { user, router } = renderApp('/login');

    await fillAndSubmit(user);

    expect(await screen.findByRole('heading', { name: 'Компании' })).toBeInTheDocument();
    expect(await screen.findByText('alem-dom')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/tenants');
    expect(loginBody).toEqual({ email: 'ops@buildcrm.kz', password: 'operator-pass' });
    expect(tenantsAuthorization).toBe('Bearer access-1');
    // the cookie mode: the refresh token is the server's HttpOnly cookie, scripts keep only the access token
    expect(loginMode).toBe('admin');
    expect(JSON.parse(window.sessionStorage.getItem('buildcrm.admin.session') ?? 'null')).toEqual({
      accessToken: 'access-1',
    });
    expect(window.localStorage.getItem('buildcrm.admin.session')).toBeNull();
  });

  it('says the e-mail or password is wrong (not the server English) and stays signed out', async () => {
    server.use(http.post('*/api/admin/auth/login', () => problem(401, 'Unauthorized', 'Wrong email or password')));
    const { user, router } = renderApp('/login');

    await fillAndSubmit(user, 'wrong');

    expect(await screen.findByText('Неверный e-mail или пароль')).toBeInTheDocument();
    expect(screen.queryByText(/Wrong email/)).toBeNull();
    expect(router.state.location.pathname).toBe('/login');
    expect(session.tokens()).toBeNull();
  });

  it('marks the fields the server refused, in Russian words', async () => {
    server.use(
      http.post('*/api/admin/auth/login', () =>
        problem(400, 'Bad Request', 'The request has invalid fields', [{ field: 'email', message: 'too long' }]),
      ),
    );
    const { user } = renderApp('/login');

    await fillAndSubmit(user);

    expect(await screen.findByText('Проверьте это значение')).toBeInTheDocument();
    expect(screen.queryByText('too long')).toBeNull();
    expect(screen.getByLabelText(/Email/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('tells how long to wait after too many attempts (429 with Retry-After)', async () => {
    server.use(
      http.post('*/api/admin/auth/login', () =>
        problem(429, 'Too Many Requests', 'Rate limit exceeded', [], { 'Retry-After': '45' }),
      ),
    );
    const { user } = renderApp('/login');

    await fillAndSubmit(user);

    expect(await screen.findByText('Слишком много попыток. Повторите через 45 с.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Войти' })).toBeDisabled();
  });

  it('checks the form before calling the server', async () => {
    // No handler: any request would fail the test (onUnhandledRequest: 'error').
    const { user } = renderApp('/login');

    await user.click(screen.getByRole('button', { name: 'Войти' }));

    expect(await screen.findByText('Укажите корректный email')).toBeInTheDocument();
    expect(screen.getByText('Введите пароль')).toBeInTheDocument();
  });

  it('says so when the server cannot be reached', async () => {
    server.use(http.post('*/api/admin/auth/login', () => HttpResponse.error()));
    const { user } = renderApp('/login');

    await fillAndSubmit(user);

    expect(
      await screen.findByText('Нет связи с сервером. Проверьте подключение и повторите попытку.'),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Войти' })).toBeEnabled());
  });
});
