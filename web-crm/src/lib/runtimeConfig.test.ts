import { env, loadRuntimeConfig, resetRuntimeConfig, startRuntimeConfig } from '@buildcrm/web-shared/lib/env';
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

  it('lets the app render while the file is on its way, and holds every API call until it is read (ADR 030)', async () => {
    let answer: (response: Response) => void = () => undefined;
    const asked = new Promise<void>((asking) => {
      server.use(
        http.get(CONFIG, () => {
          asking();
          return new Promise<Response>((resolve) => (answer = resolve));
        }),
      );
    });
    let calls = 0;
    server.use(
      http.get('https://api.example.test/api/crm/me', () => {
        calls += 1;
        return HttpResponse.json({ from: 'configured' });
      }),
      http.get(`${window.location.origin}/api/crm/me`, () => HttpResponse.json({ from: 'page origin' })),
    );
    const loaded = startRuntimeConfig('/crm/');
    session.save({ accessToken: 'a' });
    const call = api.request('/api/crm/me');
    await asked;
    expect(calls).toBe(0);
    answer(HttpResponse.json({ apiBaseUrl: 'https://api.example.test' }));
    await loaded;
    await expect(call).resolves.toEqual({ from: 'configured' });
  });

  it('sends nothing anywhere when the file is wrong', async () => {
    let calls = 0;
    server.use(
      http.get(CONFIG, () => new HttpResponse('{nope', { headers: { 'Content-Type': 'application/json' } })),
      http.get(`${window.location.origin}/api/crm/me`, () => {
        calls += 1;
        return HttpResponse.json({});
      }),
    );
    const loaded = startRuntimeConfig('/crm/');
    session.save({ accessToken: 'a' });
    await expect(api.request('/api/crm/me')).rejects.toThrow();
    await expect(loaded).rejects.toThrow(/config\.json/);
    expect(calls).toBe(0);
  });
});
