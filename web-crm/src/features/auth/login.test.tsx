import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { session } from '../../lib/api';
import { owner, problem, tokenPair } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { server } from '../../test/server';

async function fillAndSubmit(
  user: ReturnType<typeof renderApp>['user'],
  tenant = 'alem-dom',
  password = 'secret-pass',
) {
  await user.type(screen.getByLabelText(/Код компании/), tenant);
  await user.type(screen.getByLabelText(/Email/), 'owner@alem-dom.kz');
  await user.type(screen.getByLabelText(/Пароль/), password);
  await user.click(screen.getByRole('button', { name: 'Войти' }));
}

describe('login', () => {
  it('sends an anonymous visitor to the login page', async () => {
    renderApp('/');
    expect(await screen.findByRole('heading', { name: 'Вход в BuildCRM' })).toBeInTheDocument();
  });

  it('signs in with company code, email and password and lands on the leads board of that user', async () => {
    let loginBody: unknown;
    let loginMode: string | null = null;
    let meAuthorization: string | null = null;
    server.use(
      http.post('*/api/crm/auth/login', async ({ request }) => {
        loginBody = await request.json();
        loginMode = request.headers.get('X-BuildCRM-Session');
        return HttpResponse.json(tokenPair('1'));
      }),
      http.get('*/api/crm/me', ({ request }) => {
        meAuthorization = request.headers.get('Authorization');
        return HttpResponse.json(owner);
      }),
    );
    const { user, router } = renderApp('/login');

    await fillAndSubmit(user, ' Alem-Dom ');

    expect(await screen.findByText('Айгерим Садыкова · Алем Дом')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/leads');
    expect(loginBody).toEqual({ tenant: 'alem-dom', email: 'owner@alem-dom.kz', password: 'secret-pass' });
    expect(meAuthorization).toBe('Bearer access-1');
    expect(await screen.findAllByTestId('board-column')).toHaveLength(5);
    // the cookie mode: the refresh token is an HttpOnly cookie; scripts keep the access token for this tab only
    expect(loginMode).toBe('crm');
    expect(JSON.parse(window.sessionStorage.getItem('buildcrm.crm.session') ?? 'null')).toEqual({
      accessToken: 'access-1',
    });
    expect(window.localStorage.getItem('buildcrm.crm.session')).toBeNull();
    expect(window.localStorage.getItem('buildcrm.crm.session.restore')).toBe('1');
  });

  it('says the e-mail or password is wrong (not the server English) and stays signed out', async () => {
    server.use(http.post('*/api/crm/auth/login', () => problem(401, 'Unauthorized', 'Wrong email or password')));
    const { user, router } = renderApp('/login');

    await fillAndSubmit(user, 'alem-dom', 'wrong');

    expect(await screen.findByText('Неверный e-mail или пароль')).toBeInTheDocument();
    expect(screen.queryByText(/Wrong email/)).toBeNull();
    expect(router.state.location.pathname).toBe('/login');
    expect(session.tokens()).toBeNull();
  });

  it('marks the fields the server refused, in Russian words', async () => {
    server.use(
      http.post('*/api/crm/auth/login', () =>
        problem(400, 'Bad Request', 'The request has invalid fields', [
          { field: 'tenant', message: 'unknown company' },
          { field: 'captcha', message: 'required' },
        ]),
      ),
    );
    const { user } = renderApp('/login');

    await fillAndSubmit(user, 'nobody');

    expect(await screen.findByText('Проверьте введённые данные.')).toBeInTheDocument();
    expect(screen.getByLabelText(/Код компании/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getAllByText('Проверьте это значение')).toHaveLength(2);
    expect(screen.queryByText(/invalid fields|unknown company/)).toBeNull();
  });

  it('tells how long to wait after too many attempts (429 with Retry-After)', async () => {
    server.use(
      http.post('*/api/crm/auth/login', () =>
        problem(429, 'Too Many Requests', 'Rate limit exceeded', [], { 'Retry-After': '30' }),
      ),
    );
    const { user } = renderApp('/login');

    await fillAndSubmit(user);

    expect(await screen.findByText('Слишком много попыток. Повторите через 30 с.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Войти' })).toBeDisabled();
  });

  it('checks the form before calling the server', async () => {
    // No handler: any request would fail the test (onUnhandledRequest: 'error').
    const { user } = renderApp('/login');

    await user.type(screen.getByLabelText(/Email/), 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Войти' }));

    expect(await screen.findByText('Укажите код компании')).toBeInTheDocument();
    expect(screen.getByText('Укажите корректный email')).toBeInTheDocument();
    expect(screen.getByText('Введите пароль')).toBeInTheDocument();
  });

  it('says so when the server cannot be reached', async () => {
    server.use(http.post('*/api/crm/auth/login', () => HttpResponse.error()));
    const { user } = renderApp('/login');

    await fillAndSubmit(user);

    expect(
      await screen.findByText('Нет связи с сервером. Проверьте подключение и повторите попытку.'),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Войти' })).toBeEnabled());
  });
});
