import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { session } from '../../lib/api';
import { tenant, tokenPair } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { server } from '../../test/server';
import { fill } from '../../test/fill';

const chain = {
  source: 'pack',
  steps: [
    { kind: 'text', text: 'Здравствуйте! Какой дом рассматриваете?', media: [] },
    { kind: 'album', text: '', media: [{ id: 'm-1', caption: 'Панель 150 мм' }] },
    { kind: 'link', text: 'Наш сайт', url: 'https://alem.kz', media: [] },
  ],
};

function handlers(bodies: unknown[]) {
  server.use(
    http.get('*/api/admin/tenants/1001', () => HttpResponse.json(tenant)),
    http.get('*/api/admin/tenants/1001/greeting', () => HttpResponse.json(chain)),
    http.put('*/api/admin/tenants/1001/greeting', async ({ request }) => {
      const body = (await request.json()) as { steps: unknown[] };
      bodies.push(body);
      return HttpResponse.json({ ...chain, source: 'tenant' });
    }),
    http.post('*/api/admin/tenants/1001/media', async ({ request }) => {
      const form = await request.formData();
      const file = form.get('file');
      expect(file).not.toBeNull();
      expect(typeof file).not.toBe('string');
      return HttpResponse.json(
        { id: 'm-new', url: 'https://crm.example.kz/media/1001/m-new?sig=x', mimeType: 'image/png', size: 68 },
        { status: 201 },
      );
    }),
  );
}

describe('greeting chain editor', () => {
  it('reorders steps and saves them in the new order', async () => {
    session.save(tokenPair('1'));
    const bodies: unknown[] = [];
    handlers(bodies);
    const { user } = renderApp('/tenants/1001/greeting');
    const list = await screen.findByRole('list', { name: 'Шаги приветствия' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((i) => i.getAttribute('aria-label')),
    ).toEqual(['Шаг 1: Текст', 'Шаг 2: Альбом', 'Шаг 3: Ссылка']);

    await user.click(within(list).getByRole('button', { name: 'Поднять шаг 3' }));
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((i) => i.getAttribute('aria-label')),
    ).toEqual(['Шаг 1: Текст', 'Шаг 2: Ссылка', 'Шаг 3: Альбом']);
    // the phone preview follows the order
    const bubbles = within(screen.getByRole('region', { name: 'Как увидит клиент' })).getAllByTestId('preview-bubble');
    expect(bubbles[1]).toHaveTextContent('https://alem.kz');

    await user.click(screen.getByRole('button', { name: 'Сохранить приветствие' }));
    expect(await screen.findByText('Приветствие сохранено')).toBeInTheDocument();
    expect(bodies).toEqual([
      {
        steps: [
          { kind: 'text', text: 'Здравствуйте! Какой дом рассматриваете?', url: '', mediaIds: [], captions: [] },
          { kind: 'link', text: 'Наш сайт', url: 'https://alem.kz', mediaIds: [], captions: [] },
          { kind: 'album', text: '', url: '', mediaIds: ['m-1'], captions: ['Панель 150 мм'] },
        ],
      },
    ]);
  });

  it('uploads an image into a new album step and shows it on the phone', async () => {
    session.save(tokenPair('1'));
    const bodies: { steps: { mediaIds: string[]; captions: string[] }[] }[] = [];
    handlers(bodies as unknown[]);
    const { user } = renderApp('/tenants/1001/greeting');
    const list = await screen.findByRole('list', { name: 'Шаги приветствия' });

    await user.click(screen.getByRole('button', { name: '+ Альбом' }));
    const album = within(list).getByRole('listitem', { name: 'Шаг 4: Альбом' });
    const input = album.querySelector('input[type="file"]');
    expect(input).not.toBeNull();
    await user.upload(
      input as HTMLInputElement,
      new File([new Uint8Array([137, 80, 78, 71])], 'panel.png', { type: 'image/png' }),
    );
    await fill(user, await within(album).findByLabelText('Подпись к файлу 1'), 'Новая панель');

    const preview = screen.getByRole('region', { name: 'Как увидит клиент' });
    expect(within(preview).getByRole('img', { name: 'Новая панель' })).toHaveAttribute(
      'src',
      'https://crm.example.kz/media/1001/m-new?sig=x',
    );
    await user.click(screen.getByRole('button', { name: 'Сохранить приветствие' }));
    expect(await screen.findByText('Приветствие сохранено')).toBeInTheDocument();
    expect(bodies[0]?.steps[3]).toEqual({
      kind: 'album',
      text: '',
      url: '',
      mediaIds: ['m-new'],
      captions: ['Новая панель'],
    });
  });

  it('will not save an empty album or a link without a URL', async () => {
    session.save(tokenPair('1'));
    const bodies: unknown[] = [];
    handlers(bodies);
    const { user } = renderApp('/tenants/1001/greeting');
    await screen.findByRole('list', { name: 'Шаги приветствия' });
    await user.click(screen.getByRole('button', { name: '+ Альбом' }));
    await user.click(screen.getByRole('button', { name: '+ Ссылка' }));
    await user.click(screen.getByRole('button', { name: 'Сохранить приветствие' }));
    expect(await screen.findByText('Альбом: от 1 до 10 изображений')).toBeInTheDocument();
    expect(screen.getByText('Ссылка должна начинаться с http:// или https://')).toBeInTheDocument();
    expect(bodies).toHaveLength(0);
  });
});
