import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { session } from '../../lib/api';
import { packs, tenant, tokenPair } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { server } from '../../test/server';
import { fill } from '../../test/fill';

const ai = {
  enabled: true,
  brain: 'rules',
  prompt: 'Будь вежлив.',
  debounceMs: 4000,
  llm: {
    baseUrl: 'https://api.openai.com/v1',
    model: 'gpt-4o-mini',
    apiKey: '••••••9f2a',
    apiKeySet: true,
    temperature: 0.3,
  },
  pack: 'panel-houses',
  packPrompt: 'Вы — консультант по панельным домам.',
};

const transcriptionDefault = {
  mode: 'DEFAULT',
  baseUrl: null,
  model: null,
  apiKeySet: false,
  effective: { source: 'NONE', baseUrl: null, model: null },
};

describe('AI settings form', () => {
  it('shows the pack text beside the prompt and keeps the stored key when the field is left empty', async () => {
    session.save(tokenPair('1'));
    const bodies: unknown[] = [];
    server.use(
      http.get('*/api/admin/tenants/1001', () => HttpResponse.json(tenant)),
      http.get('*/api/admin/tenants/1001/ai', () => HttpResponse.json(ai)),
      http.get('*/api/admin/tenants/1001/transcription', () => HttpResponse.json(transcriptionDefault)),
      http.put('*/api/admin/tenants/1001/ai', async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json({ ...ai, brain: 'llm', llm: { ...ai.llm, model: 'gpt-4.1-mini' } });
      }),
    );
    const { user } = renderApp('/tenants/1001/ai');
    const form = await screen.findByRole('form', { name: 'Настройки ИИ-менеджера' });

    expect(screen.getByTestId('pack-prompt')).toHaveTextContent('Вы — консультант по панельным домам.');
    expect(within(form).queryByLabelText('Модель')).not.toBeInTheDocument();

    await user.click(within(form).getByRole('radio', { name: 'Языковая модель' }));
    expect(within(form).getByText('Сохранён: ••••••9f2a. Оставьте пустым, чтобы не менять.')).toBeInTheDocument();
    await user.clear(within(form).getByLabelText('Модель'));
    await fill(user, within(form).getByLabelText('Модель'), 'gpt-4.1-mini');
    // the reply pause is typed in seconds, with the unit shown, and sent in milliseconds
    const pause = within(form).getByLabelText(/Пауза перед ответом/);
    expect(pause).toHaveValue('4 с');
    await user.clear(pause);
    await fill(user, pause, '2.5');
    await user.click(within(form).getByRole('button', { name: 'Сохранить' }));

    expect(await screen.findByText('Настройки ИИ сохранены')).toBeInTheDocument();
    expect(bodies).toEqual([
      {
        enabled: true,
        brain: 'llm',
        prompt: 'Будь вежлив.',
        debounceMs: 2500,
        llm: { baseUrl: 'https://api.openai.com/v1', model: 'gpt-4.1-mini', temperature: 0.3 },
      },
    ]);
  });

  it('refuses an LLM without a base URL and sends a new key, write-only', async () => {
    session.save(tokenPair('1'));
    const bodies: { llm: { apiKey?: string } }[] = [];
    server.use(
      http.get('*/api/admin/tenants/1001', () => HttpResponse.json(tenant)),
      http.get('*/api/admin/tenants/1001/ai', () =>
        HttpResponse.json({ ...ai, llm: { temperature: 0.3, apiKeySet: false } }),
      ),
      http.get('*/api/admin/tenants/1001/transcription', () => HttpResponse.json(transcriptionDefault)),
      http.put('*/api/admin/tenants/1001/ai', async ({ request }) => {
        bodies.push((await request.json()) as { llm: { apiKey?: string } });
        return HttpResponse.json(ai);
      }),
    );
    const { user } = renderApp('/tenants/1001/ai');
    const form = await screen.findByRole('form', { name: 'Настройки ИИ-менеджера' });
    await user.click(within(form).getByRole('radio', { name: 'Языковая модель' }));
    await user.click(within(form).getByRole('button', { name: 'Сохранить' }));
    expect(await within(form).findByText('Укажите URL, начинающийся с http:// или https://')).toBeInTheDocument();
    expect(bodies).toHaveLength(0);

    await fill(user, within(form).getByLabelText('Базовый URL'), 'https://llm.example.kz/v1');
    await fill(user, within(form).getByLabelText('Модель'), 'qwen');
    await fill(user, within(form).getByLabelText('API-ключ'), 'sk-new-key');
    await user.click(within(form).getByRole('button', { name: 'Сохранить' }));
    expect(await screen.findByText('Настройки ИИ сохранены')).toBeInTheDocument();
    expect(bodies[0]?.llm.apiKey).toBe('sk-new-key');
  });
});

describe('pack form', () => {
  it('renders the settings form from the pack schema and saves typed values', async () => {
    session.save(tokenPair('1'));
    const bodies: unknown[] = [];
    server.use(
      http.get('*/api/admin/tenants/1001', () => HttpResponse.json(tenant)),
      http.get('*/api/admin/packs', () => HttpResponse.json(packs)),
      http.get('*/api/admin/tenants/1001/pack', () =>
        HttpResponse.json({ pack: 'panel-houses', settings: { site_url: 'https://alem.kz' } }),
      ),
      http.put('*/api/admin/tenants/1001/pack', async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json({ pack: 'panel-houses', settings: {} });
      }),
    );
    const { user } = renderApp('/tenants/1001/pack');
    const form = await screen.findByRole('form', { name: 'Пакет и его настройки' });
    expect(within(form).getByLabelText('Сайт компании')).toHaveValue('https://alem.kz');
    expect(within(form).getByText('По умолчанию: https://example.kz')).toBeInTheDocument();

    await fill(user, within(form).getByLabelText('Минимальная площадь'), '12.5');
    await user.click(within(form).getByRole('button', { name: 'Сохранить пакет' }));
    expect(await within(form).findByText('Нужно целое число')).toBeInTheDocument();
    expect(bodies).toHaveLength(0);

    await user.clear(within(form).getByLabelText('Минимальная площадь'));
    await fill(user, within(form).getByLabelText('Минимальная площадь'), '40');
    await fill(user, within(form).getByLabelText('Адрес склада'), 'Алматы, Рыскулова 1');
    await user.click(within(form).getByRole('button', { name: 'Сохранить пакет' }));
    expect(await screen.findByText('Пакет сохранён')).toBeInTheDocument();
    expect(bodies).toEqual([
      {
        pack: 'panel-houses',
        settings: { site_url: 'https://alem.kz', warehouse_address: 'Алматы, Рыскулова 1', min_area: '40' },
      },
    ]);
  });
});
