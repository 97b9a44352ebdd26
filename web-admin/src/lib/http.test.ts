import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { problem, tokenPair } from '../test/fixtures';
import { server } from '../test/server';
import { api, session } from './api';
import { ApiError } from '@buildcrm/web-shared/lib/errors';

describe('http client', () => {
  it('shares one refresh between requests that hit 401 at the same time', async () => {
    session.save(tokenPair('old'));
    let refreshes = 0;
    server.use(
      http.get('*/api/admin/things/:n', ({ request, params }) =>
        request.headers.get('Authorization') === 'Bearer access-new'
          ? HttpResponse.json({ n: params.n })
          : problem(401, 'Unauthorized'),
      ),
      http.post('*/api/auth/refresh', () => {
        refreshes += 1;
        return HttpResponse.json(tokenPair('new'));
      }),
    );

    const results = await Promise.all([1, 2, 3].map((n) => api.request<{ n: string }>(`/api/admin/things/${n}`)));

    expect(results).toEqual([{ n: '1' }, { n: '2' }, { n: '3' }]);
    expect(refreshes).toBe(1);
  });

  it('keeps the session when the refresh fails for a server reason', async () => {
    session.save(tokenPair('old'));
    server.use(
      http.get('*/api/admin/tenants', () => problem(401, 'Unauthorized')),
      http.post('*/api/auth/refresh', () =>
        problem(503, 'Service Unavailable', 'Try later', [], { 'Retry-After': '5' }),
      ),
    );

    const failure = await api.request('/api/admin/tenants').catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(503);
    expect((failure as ApiError).retryAfterSeconds).toBe(5);
    expect(session.tokens()).toEqual({ accessToken: 'access-old' });
  });

  it('hands back the response headers with the body, also after a refresh', async () => {
    session.save(tokenPair('old'));
    server.use(
      http.get('*/api/admin/tenants', ({ request }) =>
        request.headers.get('Authorization') === 'Bearer access-new'
          ? HttpResponse.json([{ id: 1 }], { headers: { 'X-Total-Count': '1234' } })
          : problem(401, 'Unauthorized'),
      ),
      http.post('*/api/auth/refresh', () => HttpResponse.json(tokenPair('new'))),
    );

    const { body, headers } = await api.requestWithHeaders<{ id: number }[]>('/api/admin/tenants?limit=50');

    expect(body).toEqual([{ id: 1 }]);
    expect(headers.get('X-Total-Count')).toBe('1234');
  });
});
