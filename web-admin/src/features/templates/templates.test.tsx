import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { session } from '../../lib/api';
import { tenant, tokenPair } from '../../test/fixtures';
import { fill } from '../../test/fill';
import { renderApp } from '../../test/renderApp';
import { server } from '../../test/server';

const view = {
  provider: 'meta-cloud',
  applies: true,
  templates: [],
  purposes: ['followup', 'followup-1', 'reopen'],
  sources: ['client_name', 'company', 'manager_name', 'followup_text'],
};

describe('WhatsApp templates section', () => {
  it('registers a template with one parameter row per placeholder', async () => {
    session.save(tokenPair('1'));
    const bodies: unknown[] = [];
    server.use(
      http.get('*/api/admin/tenants/1001', () => HttpResponse.json(tenant)),
      http.get('*/api/admin/tenants/1001/channel', () => HttpResponse.json({ provider: 'meta-cloud', settings: {} })),
      http.get('*/api/admin/tenants/1001/templates', () => HttpResponse.json(view)),
      http.put('*/api/admin/tenants/1001/templates', async ({ request }) => {
        const body = (await request.json()) as { templates: unknown[] };
        bodies.push(body);
        return HttpResponse.json({ ...view, templates: body.templates });
      }),
    );
    const { user } = renderApp('/tenants/1001/whatsapp');
    const form = await screen.findByRole('form', { name: 'Шаблоны WhatsApp' }, { timeout: 15_000 });
    expect(within(form).queryByTestId('templates-not-needed')).toBeNull();

    await user.click(within(form).getByRole('button', { name: '+ Шаблон' }));
    await fill(user, within(form).getByLabelText('Название шаблона'), 'follow_up_1');
    await fill(user, within(form).getByLabelText('Текст шаблона'), 'Здравствуйте, {{1}}! Это {{2}}.');
    expect(within(form).getByLabelText('Значение 1')).toBeInTheDocument();
    expect(within(form).getByLabelText('Значение 2')).toBeInTheDocument();
    expect(within(form).queryByLabelText('Значение 3')).toBeNull();
    await fill(user, within(form).getByLabelText('Если значения нет (1)'), 'уважаемый клиент');
    await user.click(within(form).getByRole('button', { name: 'Сохранить шаблоны' }));

    expect(await screen.findByText('Шаблоны сохранены')).toBeInTheDocument();
    expect(bodies).toEqual([
      {
        templates: [
          {
            purpose: 'followup',
            name: 'follow_up_1',
            language: 'ru',
            body: 'Здравствуйте, {{1}}! Это {{2}}.',
            parameters: [
              { source: 'client_name', fallback: 'уважаемый клиент' },
              { source: 'client_name', fallback: '' },
            ],
          },
        ],
      },
    ]);
  }, 40_000);
});
