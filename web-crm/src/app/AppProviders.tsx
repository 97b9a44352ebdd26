import '@mantine/notifications/styles.css';
import './notifications.css';
import { Notifications } from '@mantine/notifications';
import { AppProviders as SharedAppProviders } from '@buildcrm/web-shared/app/AppProviders';
import type { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { StageMoveConfirm } from '../features/stages/components/StageMoveConfirm';
import { api, session } from '../lib/api';
import { i18n } from '../lib/i18n';

/** The service worker's network-first copies of API answers belong to the user who signed out. */
function dropApiCache() {
  if (typeof caches !== 'undefined') void caches.delete('buildcrm-api');
}

/**
 * The shared providers bound to the CRM's API client, session and translations, with the app-wide toasts (the
 * Undo after a stage move) and the confirmation of moves into a final stage.
 */
export function AppProviders({
  children,
  ...props
}: {
  queryClient: QueryClient;
  children: ReactNode;
  env?: 'default' | 'test';
}) {
  return (
    <SharedAppProviders api={api} session={session} i18n={i18n} onSignedOut={dropApiCache} {...props}>
      <Notifications position="bottom-center" className="crm-notifications" limit={3} />
      <StageMoveConfirm />
      {children}
    </SharedAppProviders>
  );
}
