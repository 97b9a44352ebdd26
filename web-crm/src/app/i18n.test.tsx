import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describeLocales } from '@buildcrm/web-shared/test/locales';
import { describe, expect, it } from 'vitest';
import en from '../locales/en.json';
import ru from '../locales/ru.json';
import { session } from '../lib/api';
import { owner, tokenPair } from '../test/fixtures';
import { renderApp } from '../test/renderApp';
import { server } from '../test/server';

describe('language', () => {
  it('is Russian by default and switches the login page to English', async () => {
    const { user } = renderApp('/login');
    expect(await screen.findByRole('heading', { name: 'Вход в BuildCRM' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('ru');

    await user.click(screen.getByRole('radio', { name: 'EN' }));

    expect(await screen.findByRole('heading', { name: 'Sign in to BuildCRM' })).toBeInTheDocument();
    expect(screen.getByLabelText(/Company code/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem('buildcrm.language')).toBe('en');
  });

  it('switches the signed-in header and home page too', async () => {
    session.save(tokenPair('1'));
    server.use(http.get('*/api/crm/me', () => HttpResponse.json({ ...owner, role: 'manager' })));
    const { user } = renderApp('/profile');
    expect(await screen.findByText('Менеджер')).toBeInTheDocument();

    await user.click(within(screen.getByRole('banner')).getByRole('radio', { name: 'EN' }));

    expect(await screen.findByRole('heading', { name: 'Hello, Айгерим Садыкова!' })).toBeInTheDocument();
    expect(screen.getByText('Manager')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
  });
});

describeLocales({ ru, en });
