import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { HttpClient } from '../lib/http';
import type { SessionStore } from '../lib/session';
import { makeTheme } from './theme';

/** The app's API client and the session it keeps: each app creates its own (`src/lib/api.ts`). */
export interface ApiBinding {
  api: HttpClient;
  session: SessionStore;
}

const ApiContext = createContext<ApiBinding | null>(null);

/** The API client and session of the app this component runs in (the shared screens and hooks use it). */
export function useApi(): ApiBinding {
  const binding = useContext(ApiContext);
  if (binding === null) throw new Error('useApi() outside AppProviders');
  return binding;
}

export interface AppProvidersProps extends ApiBinding {
  queryClient: QueryClient;
  i18n: I18n;
  children: ReactNode;
  /** 'test' turns off Mantine's transitions and portals (jsdom never finishes a transition). */
  env?: 'default' | 'test';
  /** Runs after the session ended, once the query cache is cleared (the CRM drops its service worker's API copies). */
  onSignedOut?: () => void;
}

export function AppProviders({
  api,
  session,
  queryClient,
  i18n,
  children,
  env = 'default',
  onSignedOut,
}: AppProvidersProps) {
  // A new tab or a reopened app has no access token yet: get one from the refresh cookie, if there is a session.
  // Opened without a network, it tries again as soon as the network is back (the login page shows meanwhile).
  useEffect(() => {
    const restore = () => void api.restore();
    restore();
    window.addEventListener('online', restore);
    return () => window.removeEventListener('online', restore);
  }, [api]);

  // Nothing cached for one user may be shown to the next one.
  useEffect(
    () =>
      session.subscribe(() => {
        if (session.tokens() === null) {
          queryClient.clear();
          onSignedOut?.();
        }
      }),
    [session, queryClient, onSignedOut],
  );

  const binding = useMemo(() => ({ api, session }), [api, session]);
  // the dialogs' close buttons are named in the current language
  const [language, setLanguage] = useState(i18n.language);
  useEffect(() => {
    const follow = (next: string) => setLanguage(next);
    i18n.on('languageChanged', follow);
    return () => i18n.off('languageChanged', follow);
  }, [i18n]);
  const theme = useMemo(() => makeTheme(i18n.t('common.close', { lng: language })), [i18n, language]);
  return (
    <ApiContext.Provider value={binding}>
      <I18nextProvider i18n={i18n}>
        <MantineProvider theme={theme} env={env}>
          <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
        </MantineProvider>
      </I18nextProvider>
    </ApiContext.Provider>
  );
}
