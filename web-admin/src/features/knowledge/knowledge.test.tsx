import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { session } from '../../lib/api';
import { tenant, tokenPair } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { server } from '../../test/server';
import { fill } from '../../test/fill';

const base = {
  source: 'PACK',
  packId: 'panel-houses',
  version: 0,
  editedAt: null,
  editedBy: null,
  limits: { entries: 200, title: 120, questions: 20, question: 300, answer: 2000, document: 20000, paragraph: 1500 },
  entries: [
    {
      id: 'default:1',
      kind: 'QA',
      title: 'Окна и двери в комплекте',
      questions: ['Окна входят в цену?', 'Двери ставите?'],
      answer: 'Окна считаем отдельно.',
    },
    { id: 'default:2', kind: 'DOCUMENT', title: 'Гарантия', questions: [], answer: 'Гарантия 5 лет.' },
  ],
};

describe('knowledge base', () => {
  it('lists the pack defaults, edits, deletes and adds entries, and saves the whole base', async () => {
    session.save(tokenPair('1'));
    const bodies: unknown[] = [];
    server.use(
      http.get('*/api/admin/tenants/1001', () => HttpResponse.json(tenant)),
      http.get('*/api/admin/tenants/1001/knowledge', () => HttpResponse.json(base)),
      http.put('*/api/admin/tenants/1001/knowledge', async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json({ ...base, source: 'TENANT', version: 1 });
      }),
    );
    const { user } = renderApp('/tenants/1001/knowledge');
    const list = await screen.findByRole('list', { name: 'Записи базы знаний' });
    expect(within(list).getByText('Окна и двери в комплекте')).toBeInTheDocument();
    expect(screen.getByText('Из пакета')).toBeInTheDocument();

    const warranty = within(list).getByRole('listitem', { name: 'Гарантия' });
    await user.click(within(warranty).getByRole('button', { name: 'Удалить' }));
    await user.click(screen.getByRole('button', { name: 'Добавить вопрос' }));
    expect(screen.getByText('Заполните название, вопросы и ответ у каждой записи')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Сохранить' })).toBeDisabled();
    await fill(user, screen.getByLabelText(/Название/), 'Рассрочка');
    await fill(user, screen.getByLabelText(/Как спрашивают клиенты/), 'Можно в рассрочку?');
    await fill(user, screen.getByLabelText(/Ответ/), 'Да, через Kaspi.');
    await user.click(screen.getByRole('button', { name: 'Готово' }));
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));

    expect(await screen.findByText('База знаний сохранена')).toBeInTheDocument();
    expect(bodies).toEqual([
      {
        entries: [
          {
            title: 'Окна и двери в комплекте',
            questions: ['Окна входят в цену?', 'Двери ставите?'],
            answer: 'Окна считаем отдельно.',
          },
          { title: 'Рассрочка', questions: ['Можно в рассрочку?'], answer: 'Да, через Kaspi.' },
        ],
      },
    ]);
  });
});
