import { Navigate, type RouteObject } from 'react-router';
import { LoginPage } from '../features/auth/components/LoginPage';
import { HomePage } from '../features/me/components/HomePage';
import { AppLayout } from './AppLayout';
import { RequireSession } from './RequireSession';

/** Paths are relative to the router's basename (`/crm/`). */
export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireSession />,
    children: [{ element: <AppLayout />, children: [{ index: true, element: <HomePage /> }] }],
  },
  { path: '*', element: <Navigate to="/" replace /> },
];
