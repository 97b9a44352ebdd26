/**
 * The signed-in user's access token, observable from React (`useSyncExternalStore`). Only this module touches
 * the storage keys.
 *
 * The 30-day refresh token is never in reach of scripts: the server keeps it in an HttpOnly cookie (see
 * `http.ts`). What is stored here is the short-lived access token (in the given tab-scoped storage, so a reload
 * keeps it) and a "restore" flag with no secret in it (in `hints`): it tells a new tab, a reopened PWA or a reload
 * after the access token was lost that a cookie session may exist, so the app asks the server to refresh before
 * it shows the login page.
 */
export interface Tokens {
  accessToken: string;
}

export interface SessionState {
  tokens: Tokens | null;
  /** Set when the session ended because the server refused to refresh it (not on a normal logout). */
  expired: boolean;
  /** A cookie session is being restored (no access token yet): show a loader, not the login page. */
  restoring: boolean;
}

export interface SessionStore {
  get(): SessionState;
  tokens(): Tokens | null;
  subscribe(listener: () => void): () => void;
  /** Stores a fresh access token: after login or a refresh. Anything else in `tokens` is ignored. */
  save(tokens: Tokens): void;
  /** Re-reads storage; the session may have been refreshed or ended meanwhile. */
  sync(): Tokens | null;
  end(reason: 'logout' | 'expired'): void;
  /** True when there is no access token but a cookie session may exist (the restore flag is set). */
  mayRestore(): boolean;
  /** Marks a restore as running (true) or finished (false). */
  restoring(running: boolean): void;
}

export function isTokens(value: unknown): value is Tokens {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Tokens).accessToken === 'string' &&
    (value as Tokens).accessToken !== ''
  );
}

/**
 * @param storage where the access token lives (sessionStorage: one tab, kept across reloads)
 * @param key the storage key; the restore flag uses `${key}.restore`
 * @param hints where the restore flag lives: localStorage to let new tabs and a reopened PWA restore the session,
 *   or the same tab-scoped storage to keep the session to this tab
 */
export function createSessionStore(storage: () => Storage, key: string, hints: () => Storage = storage): SessionStore {
  const listeners = new Set<() => void>();
  const hintKey = `${key}.restore`;

  function read(): Tokens | null {
    try {
      const raw = storage().getItem(key);
      if (raw === null) return null;
      const parsed: unknown = JSON.parse(raw);
      return isTokens(parsed) ? { accessToken: parsed.accessToken } : null;
    } catch {
      return null;
    }
  }

  function hinted(): boolean {
    try {
      return hints().getItem(hintKey) === '1';
    } catch {
      return false;
    }
  }

  const initial = read();
  let state: SessionState = { tokens: initial, expired: false, restoring: initial === null && hinted() };

  function emit(next: SessionState) {
    state = next;
    listeners.forEach((listener) => listener());
  }

  function sync(): Tokens | null {
    const stored = read();
    const current = state.tokens;
    const same =
      stored === current || (stored !== null && current !== null && stored.accessToken === current.accessToken);
    if (!same) emit({ tokens: stored, expired: false, restoring: false });
    return state.tokens;
  }

  function end(reason: 'logout' | 'expired') {
    storage().removeItem(key);
    hints().removeItem(hintKey);
    emit({ tokens: null, expired: reason === 'expired', restoring: false });
  }

  // Another tab signed out (or its session expired): the cookie is gone, so this tab's session ends too.
  function onStorage(event: StorageEvent) {
    if (
      (event.key === hintKey || event.key === null) &&
      event.newValue === null &&
      state.tokens !== null &&
      !hinted()
    ) {
      storage().removeItem(key);
      emit({ tokens: null, expired: false, restoring: false });
    }
  }

  return {
    get: () => state,
    tokens: () => state.tokens,
    subscribe(listener) {
      if (listeners.size === 0) window.addEventListener('storage', onStorage);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) window.removeEventListener('storage', onStorage);
      };
    },
    save(tokens) {
      const stored = { accessToken: tokens.accessToken };
      storage().setItem(key, JSON.stringify(stored));
      hints().setItem(hintKey, '1');
      emit({ tokens: stored, expired: false, restoring: false });
    },
    sync,
    end,
    mayRestore: () => state.tokens === null && hinted(),
    restoring(running) {
      if (state.restoring !== running) emit({ ...state, restoring: running });
    },
  };
}
