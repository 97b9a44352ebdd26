import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describeLocales } from '@buildcrm/web-shared/test/locales';
import { describe, expect, it } from 'vitest';
import en from '../locales/en.json';
import ru from '../locales/ru.json';
import { session } from '../lib/api';
import { tenants, tokenPair } from '../test/fixtures';
import { renderApp } from '../test/renderApp';
import { server } from '../test/server';

describe('language', () => {
  it('is Russian by default and switches the login page to English', async () => {
    const { user } = renderApp('/login');
    expect(await screen.findByRole('heading', { name: 'Вход для оператора' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('ru');

    await user.click(screen.getByRole('radio', { name: 'EN' }));

    expect(await screen.findByRole('heading', { name: 'Operator sign-in' })).toBeInTheDocument();
    expect(screen.getByLabelText(/Password/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem('buildcrm.language')).toBe('en');
  });

  it('switches the shell and the tenants table too', async () => {
    session.save(tokenPair('1'));
    server.use(http.get('*/api/admin/tenants', () => HttpResponse.json(tenants)));
    const { user } = renderApp('/tenants');
    expect(await screen.findByRole('columnheader', { name: 'Название' })).toBeInTheDocument();

    await user.click(within(screen.getByRole('banner')).getByRole('radio', { name: 'EN' }));

    expect(await screen.findByRole('columnheader', { name: 'Name' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Tenants' })).toBeInTheDocument();
    expect(screen.getByText('Suspended')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
  });
});

describeLocales({ ru, en });
