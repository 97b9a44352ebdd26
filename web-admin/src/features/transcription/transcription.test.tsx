import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { session } from '../../lib/api';
import { tenant, tokenPair } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { server } from '../../test/server';
import { fill } from '../../test/fill';

const ai = {
  enabled: true,
  brain: 'rules',
  prompt: '',
  debounceMs: 4000,
  llm: { temperature: 0.3, apiKeySet: false },
  pack: 'panel-houses',
  packPrompt: '',
};

describe('voice transcription settings', () => {
  it('gives a company its own endpoint; the key is sent once and then only shown as set', async () => {
    session.save(tokenPair('1'));
    const bodies: unknown[] = [];
    server.use(
      http.get('*/api/admin/tenants/1001', () => HttpResponse.json(tenant)),
      http.get('*/api/admin/tenants/1001/ai', () => HttpResponse.json(ai)),
      http.get('*/api/admin/tenants/1001/transcription', () =>
        HttpResponse.json({
          mode: 'DEFAULT',
          baseUrl: null,
          model: null,
          apiKeySet: false,
          effective: { source: 'PLATFORM', baseUrl: 'https://stt.example/v1', model: 'whisper-1' },
        }),
      ),
      http.put('*/api/admin/tenants/1001/transcription', async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json({
          mode: 'OWN',
          baseUrl: 'https://api.groq.com/openai/v1',
          model: 'whisper-large-v3',
          apiKeySet: true,
          effective: { source: 'TENANT', baseUrl: 'https://api.groq.com/openai/v1', model: 'whisper-large-v3' },
        });
      }),
    );
    const { user } = renderApp('/tenants/1001/ai');
    const section = await screen.findByTestId('tenant-transcription');
    expect(await within(section).findByTestId('transcription-effective')).toHaveTextContent(
      'общий сервис платформы (whisper-1)',
    );

    await user.click(within(section).getByRole('radio', { name: 'Своя' }));
    await fill(user, within(section).getByLabelText('Базовый URL'), 'https://api.groq.com/openai/v1');
    await fill(user, within(section).getByLabelText('Модель'), 'whisper-large-v3');
    await fill(user, within(section).getByLabelText('API-ключ'), 'gsk-secret-1');
    await user.click(within(section).getByRole('button', { name: 'Сохранить' }));

    expect(await within(section).findByText('Настройки расшифровки сохранены')).toBeInTheDocument();
    expect(bodies).toEqual([
      {
        mode: 'OWN',
        baseUrl: 'https://api.groq.com/openai/v1',
        model: 'whisper-large-v3',
        apiKey: 'gsk-secret-1',
      },
    ]);
    expect(within(section).getByText('Ключ сохранён. Оставьте поле пустым, чтобы не менять.')).toBeInTheDocument();
    expect(within(section).getByLabelText('API-ключ')).toHaveValue('');
  }, 40_000);

  it('shows the platform default on the settings page without ever showing its key', async () => {
    session.save(tokenPair('1'));
    server.use(
      http.get('*/api/admin/transcription', () =>
        HttpResponse.json({ configured: true, baseUrl: 'https://stt.example/v1', model: 'whisper-1', apiKeySet: true }),
      ),
    );
    renderApp('/settings');
    const page = await screen.findByTestId('platform-transcription');
    expect(await within(page).findByTestId('transcription-state')).toHaveTextContent('Включена: модель whisper-1.');
    expect(within(page).getByLabelText('Базовый URL')).toHaveValue('https://stt.example/v1');
    expect(within(page).getByText('Ключ сохранён. Оставьте поле пустым, чтобы не менять.')).toBeInTheDocument();
    expect(within(page).getByLabelText('API-ключ')).toHaveValue('');
  }, 40_000);
});
