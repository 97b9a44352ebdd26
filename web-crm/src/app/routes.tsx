import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Center, Loader } from '@mantine/core';
import { Navigate, type RouteObject } from 'react-router';
import { i18n } from '../lib/i18n';
import { LoginPage } from '../features/auth/components/LoginPage';
import { RequireManager } from './RequireManager';
import { isPhoneNow } from '../lib/usePhone';
import { RequireSession } from '@buildcrm/web-shared/app/RequireSession';

/**
 * Only the login page is in the initial bundle; the signed-in screens (the layout, leads, analytics, settings,
 * profile) are separate chunks fetched when first rendered. This keeps the initial JS under the 200 kB (gzip)
 * budget of issue 6 (bench/RESULTS.md, "Web CRM").
 *
 * `React.lazy` inside the elements rather than the router's route `lazy`: the router resolves a matched route's
 * `lazy` before rendering anything, so `/crm/` without a session would fetch the layout chunk only to redirect
 * to the login page. Here `RequireSession` redirects first and nothing else is fetched.
 */
const AppLayout = page(() => import('./AppLayout').then((m) => ({ default: m.AppLayout })));
const LeadsPage = page(() => import('../features/leads/components/LeadsPage').then((m) => ({ default: m.LeadsPage })));
const NowPage = page(() => import('../features/now/components/NowPage').then((m) => ({ default: m.NowPage })));
const HomePage = page(() => import('../features/me/components/HomePage').then((m) => ({ default: m.HomePage })));
const AnalyticsPage = page(() =>
  import('../features/analytics/components/AnalyticsPage').then((m) => ({ default: m.AnalyticsPage })),
);
const SettingsPage = page(() =>
  import('../features/settings/components/SettingsPage').then((m) => ({ default: m.SettingsPage })),
);

/** Paths are relative to the router's basename (`/crm/`). */
export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireSession />,
    children: [
      {
        element: <AppLayout />,
        children: [
          // a phone starts at «Сейчас» (what to do now), a desktop at the board
          { index: true, element: <HomeRedirect /> },
          { path: '/now', element: <NowPage /> },
          { path: '/now/:leadId', element: <NowPage /> },
          // one component for both, so opening a card keeps the board mounted
          { path: '/leads', element: <LeadsPage /> },
          { path: '/leads/:leadId', element: <LeadsPage /> },
          { path: '/profile', element: <HomePage /> },
          {
            element: <RequireManager />,
            children: [
              { path: '/analytics', element: <AnalyticsPage /> },
              { path: '/settings', element: <SettingsPage /> },
            ],
          },
        ],
      },
    ],
  },
  { path: '*', element: <Navigate to="/" replace /> },
];

function HomeRedirect() {
  return <Navigate to={isPhoneNow() ? '/now' : '/leads'} replace />;
}

/** A lazily loaded screen; a spinner while its chunk is on its way (a second or so on a slow phone network). */
function page(load: () => Promise<{ default: ComponentType }>): ComponentType {
  const Screen: LazyExoticComponent<ComponentType> = lazy(load);
  return function LazyScreen() {
    return (
      <Suspense
        fallback={
          <Center h="40vh">
            <Loader size="sm" aria-label={i18n.t('common.loading')} />
          </Center>
        }
      >
        <Screen />
      </Suspense>
    );
  };
}
