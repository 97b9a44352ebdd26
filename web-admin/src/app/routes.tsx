import { Navigate, type RouteObject } from 'react-router';
import { LoginPage } from '../features/auth/components/LoginPage';
import { HealthPage } from '../features/health/components/HealthPage';
import { TenantPage } from '../features/tenants/components/TenantPage';
import { TenantsPage } from '../features/tenants/components/TenantsPage';
import { PlatformSettingsPage } from '../features/transcription/components/PlatformSettingsPage';
import { AppLayout } from './AppLayout';
import { RequireSession } from '@buildcrm/web-shared/app/RequireSession';

/** Paths are relative to the router's basename (`/admin/`). */
export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireSession />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <Navigate to="/tenants" replace /> },
          { path: '/tenants', element: <TenantsPage /> },
          { path: '/tenants/:id/:tab?', element: <TenantPage /> },
          { path: '/health', element: <HealthPage /> },
          { path: '/settings', element: <PlatformSettingsPage /> },
        ],
      },
    ],
  },
  { path: '*', element: <Navigate to="/" replace /> },
];
