/**
 * Build-time configuration, validated once at the edge so the rest of the app can trust it.
 */
function readApiBaseUrl(raw: string | undefined): string {
  const value = (raw ?? '').trim();
  if (value === '') return ''; // same origin
  if (value.startsWith('/')) return value.replace(/\/+$/, '');
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(url.protocol);
    return url.href.replace(/\/+$/, '');
  } catch {
    throw new Error(`VITE_API_BASE_URL must be empty, a path or an http(s) URL, got "${value}"`);
  }
}

export const env = {
  /** '' means same origin: requests go to `/api/...` of the page's own host. */
  apiBaseUrl: readApiBaseUrl(import.meta.env.VITE_API_BASE_URL),
} as const;
