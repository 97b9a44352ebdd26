import { ApiError, NetworkError, SessionExpiredError } from './errors';
import { parseRetryAfter, toProblem } from './problem';
import { isTokens, type SessionStore, type Tokens } from './session';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /** Send the access token and refresh it on 401 (default true). Login and refresh themselves pass false. */
  auth?: boolean;
}

/** A body together with the response headers it came with (paging totals such as `X-Total-Count`). */
export interface WithHeaders<T> {
  body: T;
  headers: Headers;
}

export interface HttpClient {
  request<T>(path: string, options?: RequestOptions): Promise<T>;
  /** `request`, also handing back the response headers (cross-origin, only those the server exposes). */
  requestWithHeaders<T>(path: string, options?: RequestOptions): Promise<WithHeaders<T>>;
  /** Revokes the cookie session on the server (best effort) and ends the local session. */
  logout(): Promise<void>;
  /**
   * Gets an access token from the cookie session when there is none yet (a new tab, a reopened PWA): true when
   * the user is signed in afterwards. Does nothing when the session store says there is nothing to restore.
   */
  restore(): Promise<boolean>;
}

export const authPaths = {
  refresh: '/api/auth/refresh',
  logout: '/api/auth/logout',
} as const;

/**
 * The header that asks the auth endpoints for the cookie mode: the refresh token is set as an HttpOnly cookie and
 * never appears in a body. A cross-site page cannot send it (CORS is granted only to the origins the server lists
 * in BUILDCRM_CORS_ORIGINS), which is the CSRF protection of the cookie together with its SameSite attribute.
 */
export const SESSION_HEADER = 'X-BuildCRM-Session';

/** Which app's cookie a request means. */
export type SessionApp = 'crm' | 'admin';

/** Refresh answers that mean "this refresh token is dead"; anything else (5xx, offline) keeps the session. */
const REFRESH_REJECTED = new Set([400, 401, 403]);

/**
 * fetch with the Bearer token, one refresh on 401 (single-flight: concurrent 401s share one refresh call,
 * and across tabs through the Web Locks API where the browser has it, so two tabs never present the same refresh
 * cookie at once) and problem+json errors as ApiError. The refresh token is the server's HttpOnly cookie: every
 * auth call sends `X-BuildCRM-Session: <app>` and an empty body.
 */
export function createHttpClient(config: {
  /**
   * '' (same origin), a path or an origin; a function when it is known only at run time (config.json), a promise
   * while config.json is on its way (every request waits for it).
   */
  baseUrl: string | (() => string | Promise<string>);
  session: SessionStore;
  lockName: string;
  app: SessionApp;
}): HttpClient {
  const { baseUrl, session, lockName, app } = config;
  let refreshing: Promise<Tokens | null> | null = null;

  async function url(path: string): Promise<string> {
    // Absolute, so relative bases work the same in the browser and under test.
    const base = typeof baseUrl === 'function' ? await baseUrl() : baseUrl;
    return new URL(`${base}${path}`, window.location.origin).href;
  }

  async function send(path: string, options: RequestOptions, accessToken: string | null): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (accessToken !== null) headers.Authorization = `Bearer ${accessToken}`;
    if (path.startsWith('/api/auth/') || path.endsWith('/auth/login')) headers[SESSION_HEADER] = app;
    try {
      return await fetch(await url(path), {
        method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
        // The refresh cookie must travel when the API lives on another origin (config.json, ADR 029); to the
        // page's own origin this is the same as 'same-origin'.
        credentials: 'include',
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new NetworkError(error);
    }
  }

  async function toError(response: Response): Promise<ApiError> {
    let body: unknown = null;
    const type = response.headers.get('Content-Type') ?? '';
    if (type.includes('json')) {
      try {
        body = await response.json();
      } catch {
        body = null;
      }
    }
    return new ApiError(
      toProblem(body, response.status, response.statusText),
      parseRetryAfter(response.headers.get('Retry-After')),
    );
  }

  async function read<T>(response: Response): Promise<T> {
    if (!response.ok) throw await toError(response);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }

  async function revoke() {
    try {
      await send(authPaths.logout, { method: 'POST', body: {} }, null);
    } catch {
      // Best effort: the local session ends either way.
    }
  }

  /** Trades the refresh cookie for a new access token (the server rotates the cookie). */
  async function refreshByCookie(): Promise<Tokens | null> {
    const response = await send(authPaths.refresh, { method: 'POST', body: {} }, null);
    if (response.ok) {
      const pair: unknown = await response.json();
      if (!isTokens(pair)) throw new Error('Refresh answered without an access token');
      session.save(pair);
      return session.tokens();
    }
    if (REFRESH_REJECTED.has(response.status)) {
      await revoke();
      session.end('expired');
      return null;
    }
    throw await toError(response);
  }

  async function refresh(stale: Tokens | null): Promise<Tokens | null> {
    // Another request of this tab may already have refreshed while we waited for the lock.
    const stored = session.sync();
    if (stale === null ? stored !== null : stored === null || stored.accessToken !== stale.accessToken) return stored;
    return refreshByCookie();
  }

  function refreshOnce(stale: Tokens): Promise<Tokens | null> {
    const current = session.tokens();
    if (current === null) return Promise.resolve(null);
    if (current.accessToken !== stale.accessToken) return Promise.resolve(current); // already refreshed
    if (refreshing === null) {
      const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
      const run = () => refresh(stale);
      // The lock callback returns a promise; `then` flattens the type the DOM typings nest.
      const started = locks ? locks.request(lockName, run).then((tokens) => tokens) : run();
      refreshing = started.finally(() => {
        refreshing = null;
      });
    }
    return refreshing;
  }

  /** The final response of a call: with the token, refreshed once on 401. */
  async function exchange(path: string, options: RequestOptions): Promise<Response> {
    if (options.auth === false) return send(path, options, null);

    const used = session.tokens();
    if (used === null) throw new SessionExpiredError();
    const first = await send(path, options, used.accessToken);
    if (first.status !== 401) return first;

    const fresh = await refreshOnce(used);
    if (fresh === null) throw new SessionExpiredError();
    const second = await send(path, options, fresh.accessToken);
    if (second.status === 401) {
      // A brand-new token refused: the account or tenant was disabled meanwhile.
      await revoke();
      session.end('expired');
      throw new SessionExpiredError();
    }
    return second;
  }

  async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return read<T>(await exchange(path, options));
  }

  async function requestWithHeaders<T>(path: string, options: RequestOptions = {}): Promise<WithHeaders<T>> {
    const response = await exchange(path, options);
    return { body: await read<T>(response), headers: response.headers };
  }

  async function logout() {
    await revoke();
    session.end('logout');
  }

  let restoring: Promise<boolean> | null = null;

  function restore(): Promise<boolean> {
    if (session.tokens() !== null) return Promise.resolve(true);
    if (!session.mayRestore()) return Promise.resolve(false);
    if (restoring === null) {
      session.restoring(true);
      const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
      const run = () => refresh(null);
      const started = locks ? locks.request(lockName, run).then((tokens) => tokens) : run();
      restoring = started
        .then(
          (tokens) => tokens !== null,
          // Offline or a server error: no session for now; the restore flag stays for the next attempt.
          () => false,
        )
        .finally(() => {
          restoring = null;
          session.restoring(false);
        });
    }
    return restoring;
  }

  return { request, requestWithHeaders, logout, restore };
}
