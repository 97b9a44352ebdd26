import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { session } from '../../lib/api';
import { packs, tenant, tenants, tokenPair } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { server } from '../../test/server';
import { fill } from '../../test/fill';

/** The list (how many times it was asked for) and the packs. */
function listAndPacks() {
  const list = { requests: 0 };
  server.use(
    http.get('*/api/admin/tenants', () => {
      list.requests += 1;
      return HttpResponse.json(tenants, { headers: { 'X-Total-Count': String(tenants.length) } });
    }),
    http.get('*/api/admin/packs', () => HttpResponse.json(packs)),
  );
  return list;
}

describe('create tenant form', () => {
  it('checks the fields before sending anything', async () => {
    session.save(tokenPair('1'));
    listAndPacks();
    let posts = 0;
    server.use(
      http.post('*/api/admin/tenants', () => {
        posts += 1;
        return HttpResponse.json(tenant, { status: 201 });
      }),
    );
    const { user } = renderApp('/tenants');

    await user.click(await screen.findByRole('button', { name: 'Создать компанию' }));
    const dialog = await screen.findByRole('dialog');
    await fill(user, within(dialog).getByLabelText(/Код/), 'Плохой код');
    await fill(user, within(dialog).getByLabelText(/Email владельца/), 'not-an-email');
    await fill(user, within(dialog).getByLabelText(/Начальный пароль/), 'short');
    await user.click(within(dialog).getByRole('button', { name: 'Создать' }));

    expect(
      await within(dialog).findByText('Только строчная латиница, цифры и дефис, 1–40 символов'),
    ).toBeInTheDocument();
    expect(within(dialog).getByText('Укажите корректный email')).toBeInTheDocument();
    expect(within(dialog).getByText('Не короче 8 символов')).toBeInTheDocument();
    expect(posts).toBe(0);
  });

  it('sends the tenant with its owner, shows the provisioning steps, refreshes the list and opens the tenant', async () => {
    session.save(tokenPair('1'));
    const list = listAndPacks();
    const bodies: unknown[] = [];
    server.use(
      http.post('*/api/admin/tenants', async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json(tenant, { status: 201 });
      }),
      http.get('*/api/admin/tenants/1001', () => HttpResponse.json(tenant)),
      http.get('*/api/admin/tenants/1001/channel', () => HttpResponse.json({ provider: 'sandbox', settings: {} })),
    );
    const { user, router } = renderApp('/tenants');
    expect(await screen.findByText('tez-sales')).toBeInTheDocument();
    expect(list.requests).toBe(1);

    await user.click(await screen.findByRole('button', { name: 'Создать компанию' }));
    const dialog = await screen.findByRole('dialog');
    await fill(user, within(dialog).getByLabelText(/Название/), 'Alem Dom');
    expect(within(dialog).getByLabelText(/Код/)).toHaveValue('alem-dom');
    await fill(user, within(dialog).getByLabelText(/Имя владельца/), 'Айгерим');
    await fill(user, within(dialog).getByLabelText(/Email владельца/), 'owner@alem.kz');
    await fill(user, within(dialog).getByLabelText(/Начальный пароль/), 'owner-pass-1');
    await user.click(within(dialog).getByRole('button', { name: 'Создать' }));

    expect(await within(dialog).findByRole('status')).toHaveTextContent('Компания «Алем Дом» создана');
    expect(within(dialog).getByText('Компания активна')).toBeInTheDocument();
    expect(bodies).toEqual([
      {
        name: 'Alem Dom',
        slug: 'alem-dom',
        timezone: 'Asia/Almaty',
        locale: 'ru',
        pack: 'panel-houses',
        owner: { name: 'Айгерим', email: 'owner@alem.kz', password: 'owner-pass-1' },
      },
    ]);
    // the new company is on the list behind the dialog
    await waitFor(() => expect(list.requests).toBe(2));

    await user.click(within(dialog).getByRole('button', { name: 'Открыть компанию' }));
    expect(await screen.findByRole('heading', { name: 'Алем Дом' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/tenants/1001');
  });

  it('puts a taken code under the code field', async () => {
    session.save(tokenPair('1'));
    listAndPacks();
    server.use(
      http.post('*/api/admin/tenants', () =>
        HttpResponse.json(
          {
            type: 'https://buildcrm.dev/problems/slug-taken',
            title: 'Conflict',
            status: 409,
            detail: "A company with the code 'alem-dom' already exists",
          },
          { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    const { user } = renderApp('/tenants');

    await user.click(await screen.findByRole('button', { name: 'Создать компанию' }));
    const dialog = await screen.findByRole('dialog');
    await fill(user, within(dialog).getByLabelText(/Название/), 'Alem Dom');
    await fill(user, within(dialog).getByLabelText(/Имя владельца/), 'Айгерим');
    await fill(user, within(dialog).getByLabelText(/Email владельца/), 'owner@alem.kz');
    await fill(user, within(dialog).getByLabelText(/Начальный пароль/), 'owner-pass-1');
    await user.click(within(dialog).getByRole('button', { name: 'Создать' }));

    expect(
      await within(dialog).findAllByText('Этот код уже занят другой компанией. Выберите другой.'),
    ).not.toHaveLength(0);
    expect(within(dialog).queryByText(/already exists/)).not.toBeInTheDocument();
  });
});
