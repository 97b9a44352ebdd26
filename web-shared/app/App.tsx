import { useState, type ComponentType, type ReactNode } from 'react';
import { BrowserRouter, useRoutes, type RouteObject } from 'react-router';
import { createQueryClient } from '../lib/queryClient';

/**
 * The app in the browser: its routes under Vite's base URL, inside the app's providers.
 *
 * The router is react-router's declarative one (`BrowserRouter` + `useRoutes`), not the data router
 * (`createBrowserRouter`): the apps use no loaders, actions or route `lazy`, and the data router's code is about a
 * third of the login page's JS (ADR 044).
 */
export function App({
  routes,
  Providers,
  queryClient: given,
}: {
  routes: RouteObject[];
  /** The app's `AppProviders` (the shared ones bound to its API client, session and translations). */
  Providers: ComponentType<{ queryClient: ReturnType<typeof createQueryClient>; children: ReactNode }>;
  /** The app's query cache when the app fills it before the first render (a signed-in start); a new one otherwise. */
  queryClient?: ReturnType<typeof createQueryClient>;
}) {
  const [queryClient] = useState(() => given ?? createQueryClient());
  return (
    <Providers queryClient={queryClient}>
      <BrowserRouter basename={import.meta.env.BASE_URL}>
        <Routes routes={routes} />
      </BrowserRouter>
    </Providers>
  );
}

function Routes({ routes }: { routes: RouteObject[] }) {
  return useRoutes(routes);
}
