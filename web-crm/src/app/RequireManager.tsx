import { Navigate, Outlet } from 'react-router';
import { useCurrentUser } from '../features/me/hooks/useCurrentUser';

/** Settings and analytics are for owners and heads of sales; the server enforces the same. */
export function RequireManager() {
  const { me, canManage } = useCurrentUser();
  if (me === undefined) return null;
  return canManage ? <Outlet /> : <Navigate to="/leads" replace />;
}
