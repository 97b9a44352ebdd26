import { env } from './env';
import { createHttpClient } from '@shared/lib/http';
import { createSessionStore } from '@shared/lib/session';

/**
 * The CRM is a PWA that users reopen from the home screen, so the session lives in localStorage
 * (shared by tabs; they follow each other through `storage` events).
 */
export const session = createSessionStore(() => window.localStorage, 'buildcrm.crm.session');

export const api = createHttpClient({ baseUrl: env.apiBaseUrl, session, lockName: 'buildcrm.crm.refresh' });
