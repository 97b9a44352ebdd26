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
const screens = {
  layout: () => import('./AppLayout').then((m) => ({ default: m.AppLayout })),
  leads: () => import('../features/leads/components/LeadsPage').then((m) => ({ default: m.LeadsPage })),
  now: () => import('../features/now/components/NowPage').then((m) => ({ default: m.NowPage })),
  home: () => import('../features/me/components/HomePage').then((m) => ({ default: m.HomePage })),
  analytics: () => import('../features/analytics/components/AnalyticsPage').then((m) => ({ default: m.AnalyticsPage })),
  settings: () => import('../features/settings/components/SettingsPage').then((m) => ({ default: m.SettingsPage })),
};
const AppLayout = page(screens.layout);
const LeadsPage = page(screens.leads);
const NowPage = page(screens.now);
const HomePage = page(screens.home);
const AnalyticsPage = page(screens.analytics);
const SettingsPage = page(screens.settings);

/** The signed-in screen a path (relative to the basename) shows; null for the login page and unknown paths. */
export function screenOf(path: string): Exclude<keyof typeof screens, 'layout'> | null {
  if (path === '/' || path === '') return isPhoneNow() ? 'now' : 'leads';
  const first = path.split('/')[1];
  switch (first) {
    case 'now':
    case 'leads':
    case 'analytics':
    case 'settings':
      return first;
    case 'profile':
      return 'home';
    default:
      return null;
  }
}

/**
 * Starts fetching the chunks of the signed-in screen at `path` (the layout and the page) before React asks for
 * them: on a signed-in start they load while the session is restored, instead of one after the other once it is.
 * Nothing is rendered or evaluated twice: `React.lazy` gets the same modules from the browser's module map.
 */
export function preloadScreen(path: string): void {
  const screen = screenOf(path);
  if (screen === null) return;
  void screens.layout().catch(() => undefined);
  void screens[screen]().catch(() => undefined);
}

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
