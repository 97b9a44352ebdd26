/**
 * Where the API lives, validated once at the edge so the rest of the app can trust it.
 *
 * The static host may serve the app on its own origin (ADR 029): a `config.json` next to index.html names the API
 * (`{"apiBaseUrl": "https://api.example.com"}`), read at run time by `startRuntimeConfig()` while the app renders its
 * first screen (ADR 030); every API call waits for it (`runtimeConfigLoaded()`), so one build runs against any server. Without the file (or with an empty value) the build-time
 * `VITE_API_BASE_URL` applies, and without that the API is the page's own origin, as when the server serves the app.
 */
export function readApiBaseUrl(raw: unknown, source = 'VITE_API_BASE_URL'): string {
  if (raw !== undefined && raw !== null && typeof raw !== 'string') {
    throw new Error(`${source} must be a string, got ${JSON.stringify(raw)}`);
  }
  const value = (raw ?? '').trim();
  if (value === '') return ''; // same origin
  if (value.startsWith('/')) return value.replace(/\/+$/, '');
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(url.protocol);
    if (url.search !== '' || url.hash !== '' || url.username !== '') throw new Error('query');
    return url.href.replace(/\/+$/, '');
  } catch {
    throw new Error(`${source} must be empty, a path or an http(s) URL, got "${value}"`);
  }
}

const buildTime = readApiBaseUrl(import.meta.env.VITE_API_BASE_URL);
let runtime: string | null = null;

export const env = {
  /** '' means same origin: requests go to `/api/...` of the page's own host. */
  get apiBaseUrl(): string {
    return runtime ?? buildTime;
  },
};

/** The file the static host serves next to index.html. */
export const CONFIG_FILE = 'config.json';

/**
 * Reads `config.json` next to index.html. Absent (404, or a host that answers every path with index.html), empty or
 * without `apiBaseUrl`: the build-time value stays. Unreachable (offline, and the service worker has no copy yet):
 * likewise. A file that is there but wrong throws — the app must not talk to a server nobody meant.
 */
export async function loadRuntimeConfig(base: string = import.meta.env.BASE_URL): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${base}${CONFIG_FILE}`, { cache: 'no-cache', credentials: 'same-origin' });
  } catch {
    return;
  }
  if (!response.ok || !(response.headers.get('Content-Type') ?? '').includes('json')) return;
  const text = (await response.text()).trim();
  if (text === '') return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${CONFIG_FILE} is not valid JSON`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`${CONFIG_FILE} must hold a JSON object`);
  }
  const value = readApiBaseUrl((parsed as Record<string, unknown>).apiBaseUrl, `${CONFIG_FILE}: apiBaseUrl`);
  runtime = value === '' ? null : value;
}

let loaded: Promise<void> = Promise.resolve();

/**
 * Starts reading `config.json` (mount() does, in parallel with the first render: ADR 030). Until it settles, API calls
 * wait in `runtimeConfigLoaded()`; a wrong file rejects them all, so nothing is ever sent to a server nobody meant.
 */
export function startRuntimeConfig(base?: string): Promise<void> {
  loaded = loadRuntimeConfig(base);
  // the API calls waiting on it see the rejection; mount() shows it
  loaded.catch(() => undefined);
  return loaded;
}

/** Settles once `config.json` is read (at once when nothing started reading it, as under test). */
export function runtimeConfigLoaded(): Promise<void> {
  return loaded;
}

/** The API's base URL once `config.json` is read: what the HTTP clients resolve before each call. */
export async function loadedApiBaseUrl(): Promise<string> {
  await loaded;
  return env.apiBaseUrl;
}

/** Tests only: back to the build-time value. */
export function resetRuntimeConfig() {
  runtime = null;
  loaded = Promise.resolve();
}
