import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { api, session } from '../lib/api';
import { i18n } from '../lib/i18n';
import { theme } from './theme';

export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  // A new tab or a reopened app has no access token yet: get one from the refresh cookie, if there is a session.
  // Opened without a network, it tries again as soon as the network is back (the login page shows meanwhile).
  useEffect(() => {
    const restore = () => void api.restore();
    restore();
    window.addEventListener('online', restore);
    return () => window.removeEventListener('online', restore);
  }, []);

  // Nothing cached for one user may be shown to the next one.
  useEffect(
    () =>
      session.subscribe(() => {
        if (session.tokens() === null) queryClient.clear();
      }),
    [queryClient],
  );

  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme}>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
