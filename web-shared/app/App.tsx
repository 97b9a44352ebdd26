import { useState, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import { createQueryClient } from '../lib/queryClient';

/** The app in the browser: its routes under Vite's base URL, inside the app's providers. */
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
  const [router] = useState(() => createBrowserRouter(routes, { basename: import.meta.env.BASE_URL }));
  return (
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  );
}
