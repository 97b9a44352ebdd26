import { waitFor } from '@testing-library/react';
import { createQueryClient } from '@buildcrm/web-shared/lib/queryClient';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { meQueryOptions } from '../features/me/api/getMe';
import { firstLeadQueryOptions } from '../features/leads/api/leads';
import { nowQueryOptions } from '../features/now/api/now';
import { session } from '../lib/api';
import { owner, tokenPair } from '../test/fixtures';
import { server } from '../test/server';
import { startSignedIn } from './signedInStart';

/** Records the calls a start makes; the user is `me`. */
function backend(me = owner) {
  const calls: string[] = [];
  server.use(
    http.post('*/api/auth/refresh', () => {
      calls.push('refresh');
      return HttpResponse.json(tokenPair('restored'));
    }),
    http.get('*/api/crm/me', () => {
      calls.push('me');
      return HttpResponse.json(me);
    }),
  );
  return calls;
}

describe('a signed-in start', () => {
  it('restores the session and fetches what «Сейчас» shows first, before any screen asks', async () => {
    window.localStorage.setItem('buildcrm.crm.session.restore', '1');
    const calls = backend();
    const queryClient = createQueryClient({ retry: false });

    startSignedIn(queryClient, '/now');

    await waitFor(() => expect(queryClient.getQueryData(firstLeadQueryOptions().queryKey)).toBeDefined());
    expect(session.tokens()).toEqual({ accessToken: 'access-restored' });
    expect(queryClient.getQueryData(meQueryOptions().queryKey)).toEqual(owner);
    expect(queryClient.getQueryData(nowQueryOptions('me').queryKey)).toBeDefined();
    expect(calls).toEqual(['refresh', 'me']);
  });

  it("sends an owner's company check beside `me` when the restored token names the role", async () => {
    window.localStorage.setItem('buildcrm.crm.session.restore', '1');
    const claims = btoa(JSON.stringify({ sub: 'user:1000:1', groups: ['owner'] })).replace(/=+$/, '');
    let leadsAsked = () => {};
    const leadsSeen = new Promise<void>((resolve) => (leadsAsked = resolve));
    const calls: string[] = [];
    server.use(
      http.post('*/api/auth/refresh', () => HttpResponse.json({ accessToken: `h.${claims}.s`, expiresIn: 900 })),
      http.get('*/api/crm/leads', () => {
        calls.push('leads');
        leadsAsked();
        return HttpResponse.json({ items: [], total: 0, totalCapped: false, nextCursor: null });
      }),
      // `me` answers only once the company check has gone out: a start that waited for `me` first never ends
      http.get('*/api/crm/me', async () => {
        await leadsSeen;
        calls.push('me');
        return HttpResponse.json(owner);
      }),
    );
    const queryClient = createQueryClient({ retry: false });

    startSignedIn(queryClient, '/now');

    await waitFor(() => expect(queryClient.getQueryData(meQueryOptions().queryKey)).toEqual(owner));
    await waitFor(() => expect(queryClient.getQueryData(firstLeadQueryOptions().queryKey)).toBeDefined());
    expect(calls).toEqual(['leads', 'me']);
  });

  it('leaves the company check out for a manager, who never sees the first steps', async () => {
    window.localStorage.setItem('buildcrm.crm.session.restore', '1');
    backend({ ...owner, role: 'manager' });
    const queryClient = createQueryClient({ retry: false });

    startSignedIn(queryClient, '/now');

    await waitFor(() => expect(queryClient.getQueryData(meQueryOptions().queryKey)).toBeDefined());
    await waitFor(() => expect(queryClient.getQueryData(nowQueryOptions('me').queryKey)).toBeDefined());
    expect(queryClient.getQueryState(firstLeadQueryOptions().queryKey)).toBeUndefined();
  });

  it('asks nothing for a visitor who never signed in, nor on the login page', () => {
    const visitor = createQueryClient({ retry: false });
    startSignedIn(visitor, '/now');
    // a restore would have been marked as running at once (api.restore() does so before its first await)
    expect(session.get().restoring).toBe(false);

    window.localStorage.setItem('buildcrm.crm.session.restore', '1');
    const onLogin = createQueryClient({ retry: false });
    startSignedIn(onLogin, '/login');
    expect(session.get().restoring).toBe(false);

    expect(visitor.getQueryCache().getAll()).toEqual([]);
    expect(onLogin.getQueryCache().getAll()).toEqual([]);
  });
});
