import { loadedApiBaseUrl } from '@buildcrm/web-shared/lib/env';
import { createHttpClient } from '@buildcrm/web-shared/lib/http';
import { createSessionStore } from '@buildcrm/web-shared/lib/session';

/**
 * Operators hold the keys to every tenant: the access token and the restore flag live in sessionStorage, so the
 * console's session belongs to its tab (a reload keeps it through the HttpOnly refresh cookie, a new tab asks
 * to sign in) and nothing is written where other tabs or later visitors of the browser profile could read it.
 * The refresh token itself is only ever the server's HttpOnly cookie.
 */
export const session = createSessionStore(() => window.sessionStorage, 'buildcrm.admin.session');

export const api = createHttpClient({
  baseUrl: loadedApiBaseUrl,
  session,
  lockName: 'buildcrm.admin.refresh',
  app: 'admin',
});
