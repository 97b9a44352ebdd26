import { loadedApiBaseUrl } from '@buildcrm/web-shared/lib/env';
import { createHttpClient } from '@buildcrm/web-shared/lib/http';
import { createSessionStore } from '@buildcrm/web-shared/lib/session';

/**
 * The refresh token is the server's HttpOnly cookie; scripts hold only the access token, kept in sessionStorage
 * so a reload keeps it. The CRM is a PWA that users reopen from the home screen, so its restore flag lives in
 * localStorage: a new tab or a reopened app restores the session from the cookie, and a sign-out in one tab ends
 * the others (they follow the flag through `storage` events).
 */
export const session = createSessionStore(
  () => window.sessionStorage,
  'buildcrm.crm.session',
  () => window.localStorage,
);

/** Versions before the cookie kept the whole token pair in localStorage: the refresh token must not stay there. */
export function dropLegacySession() {
  try {
    window.localStorage.removeItem('buildcrm.crm.session');
  } catch {
    // storage unavailable: nothing was kept there either
  }
}
dropLegacySession();

export const api = createHttpClient({
  baseUrl: loadedApiBaseUrl,
  session,
  lockName: 'buildcrm.crm.refresh',
  app: 'crm',
});
