import { env, loadRuntimeConfig, resetRuntimeConfig } from '@buildcrm/web-shared/lib/env';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { server } from '../test/server';
import { api, session } from './api';

const CONFIG = `${window.location.origin}/crm/config.json`;

describe('config.json next to index.html (the API on its own origin)', () => {
  afterEach(() => resetRuntimeConfig());

  it('sends every API call, with the refresh cookie, to the origin it names', async () => {
    server.use(http.get(CONFIG, () => HttpResponse.json({ apiBaseUrl: 'https://api.example.test/' })));
    let seen: { url: string; credentials: RequestCredentials } | null = null;
    server.use(
      http.get('https://api.example.test/api/crm/me', ({ request }) => {
        seen = { url: request.url, credentials: request.credentials };
        return HttpResponse.json({ ok: true });
      }),
    );
    await loadRuntimeConfig('/crm/');
    expect(env.apiBaseUrl).toBe('https://api.example.test');
    session.save({ accessToken: 'a' });
    await expect(api.request('/api/crm/me')).resolves.toEqual({ ok: true });
    expect(seen).toEqual({ url: 'https://api.example.test/api/crm/me', credentials: 'include' });
  });

  it('keeps the same origin when the file is absent, empty, or the host answers with index.html', async () => {
    for (const answer of [
      () => HttpResponse.json({ type: 'about:blank', status: 404 }, { status: 404 }),
      () => new HttpResponse('', { headers: { 'Content-Type': 'application/json' } }),
      () => HttpResponse.json({}),
      () => HttpResponse.json({ apiBaseUrl: '' }),
      () => new HttpResponse('<!doctype html><html></html>', { headers: { 'Content-Type': 'text/html' } }),
      () => HttpResponse.error(),
    ]) {
      server.use(http.get(CONFIG, answer));
      await loadRuntimeConfig('/crm/');
      expect(env.apiBaseUrl).toBe('');
    }
  });

  it('refuses a file that is there but wrong', async () => {
    for (const body of [
      '{"apiBaseUrl": "ftp://x"}',
      '{"apiBaseUrl": 42}',
      '[1]',
      '{nope',
      '{"apiBaseUrl": "https://a.test/?q=1"}',
    ]) {
      server.use(http.get(CONFIG, () => new HttpResponse(body, { headers: { 'Content-Type': 'application/json' } })));
      await expect(loadRuntimeConfig('/crm/')).rejects.toThrow(/config\.json/);
      expect(env.apiBaseUrl).toBe('');
    }
  });
});
