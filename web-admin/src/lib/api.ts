import { env } from './env';
import { createHttpClient } from '@shared/lib/http';
import { createSessionStore } from '@shared/lib/session';

/**
 * Operators hold the keys to every tenant: their session lives in sessionStorage, so it ends with the tab
 * and is never written where other tabs or later visitors of the browser profile could read it.
 */
export const session = createSessionStore(() => window.sessionStorage, 'buildcrm.admin.session');

export const api = createHttpClient({ baseUrl: env.apiBaseUrl, session, lockName: 'buildcrm.admin.refresh' });
