import { Navigate, type RouteObject } from 'react-router';
import { AnalyticsPage } from '../features/analytics/components/AnalyticsPage';
import { LoginPage } from '../features/auth/components/LoginPage';
import { LeadsPage } from '../features/leads/components/LeadsPage';
import { HomePage } from '../features/me/components/HomePage';
import { SettingsPage } from '../features/settings/components/SettingsPage';
import { AppLayout } from './AppLayout';
import { RequireManager } from './RequireManager';
import { RequireSession } from './RequireSession';

/** Paths are relative to the router's basename (`/crm/`). */
export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireSession />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <Navigate to="/leads" replace /> },
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
