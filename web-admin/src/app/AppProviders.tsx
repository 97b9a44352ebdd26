import { AppProviders as SharedAppProviders } from '@buildcrm/web-shared/app/AppProviders';
import type { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { api, session } from '../lib/api';
import { i18n } from '../lib/i18n';

/** The shared providers bound to the console's API client, session and translations (no service worker here). */
export function AppProviders(props: { queryClient: QueryClient; children: ReactNode }) {
  return <SharedAppProviders api={api} session={session} i18n={i18n} {...props} />;
}
