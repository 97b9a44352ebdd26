import { describe, expect, it } from 'vitest';
import { createSessionStore, type Tokens } from './session';

describe('session store', () => {
  it('keeps only the access token, whatever the answer carried', () => {
    const store = createSessionStore(
      () => window.sessionStorage,
      'test.session',
      () => window.localStorage,
    );
    store.save({ accessToken: 'access-1', refreshToken: 'refresh-1' } as Tokens);

    expect(store.tokens()).toEqual({ accessToken: 'access-1' });
    expect(window.sessionStorage.getItem('test.session')).toBe('{"accessToken":"access-1"}');
    expect(window.localStorage.getItem('test.session.restore')).toBe('1');
    expect(JSON.stringify({ ...window.localStorage, ...window.sessionStorage })).not.toContain('refresh-1');
    store.end('logout');
    expect(window.sessionStorage.getItem('test.session')).toBeNull();
    expect(window.localStorage.getItem('test.session.restore')).toBeNull();
  });

  it('ends this tab when another tab signs out, and offers a restore to a tab that has no token yet', () => {
    const store = createSessionStore(
      () => window.sessionStorage,
      'test.session',
      () => window.localStorage,
    );
    const unsubscribe = store.subscribe(() => {});
    store.save({ accessToken: 'access-1' });
    window.sessionStorage.clear(); // this tab's copy is gone (a new tab): the flag still says "restore"
    expect(
      createSessionStore(
        () => window.sessionStorage,
        'test.session',
        () => window.localStorage,
      ).get(),
    ).toEqual({
      tokens: null,
      expired: false,
      restoring: true,
    });

    window.localStorage.removeItem('test.session.restore'); // what another tab's sign-out does
    window.dispatchEvent(new StorageEvent('storage', { key: 'test.session.restore', newValue: null }));

    expect(store.tokens()).toBeNull();
    expect(store.mayRestore()).toBe(false);
    unsubscribe();
  });
});
