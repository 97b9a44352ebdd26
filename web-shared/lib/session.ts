/**
 * The token pair of the signed-in user, kept in Web Storage and observable from React
 * (`useSyncExternalStore`). Only this module touches the storage key.
 */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

export interface SessionState {
  tokens: Tokens | null;
  /** Set when the session ended because the server refused to refresh it (not on a normal logout). */
  expired: boolean;
}

export interface SessionStore {
  get(): SessionState;
  tokens(): Tokens | null;
  subscribe(listener: () => void): () => void;
  /** Stores a fresh pair: after login or a refresh. */
  save(tokens: Tokens): void;
  /** Re-reads storage; another tab may have refreshed or ended the session. */
  sync(): Tokens | null;
  end(reason: 'logout' | 'expired'): void;
}

export function isTokens(value: unknown): value is Tokens {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Tokens).accessToken === 'string' &&
    (value as Tokens).accessToken !== '' &&
    typeof (value as Tokens).refreshToken === 'string' &&
    (value as Tokens).refreshToken !== ''
  );
}

export function createSessionStore(storage: () => Storage, key: string): SessionStore {
  const listeners = new Set<() => void>();

  function read(): Tokens | null {
    try {
      const raw = storage().getItem(key);
      if (raw === null) return null;
      const parsed: unknown = JSON.parse(raw);
      return isTokens(parsed) ? { accessToken: parsed.accessToken, refreshToken: parsed.refreshToken } : null;
    } catch {
      return null;
    }
  }

  let state: SessionState = { tokens: read(), expired: false };

  function emit(next: SessionState) {
    state = next;
    listeners.forEach((listener) => listener());
  }

  function sync(): Tokens | null {
    const stored = read();
    const current = state.tokens;
    const same =
      stored === current ||
      (stored !== null &&
        current !== null &&
        stored.accessToken === current.accessToken &&
        stored.refreshToken === current.refreshToken);
    if (!same) emit({ tokens: stored, expired: false });
    return state.tokens;
  }

  function onStorage(event: StorageEvent) {
    if (event.key === key || event.key === null) sync();
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
      const pair = { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken };
      storage().setItem(key, JSON.stringify(pair));
      emit({ tokens: pair, expired: false });
    },
    sync,
    end(reason) {
      storage().removeItem(key);
      emit({ tokens: null, expired: reason === 'expired' });
    },
  };
}
