import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../lib/useSession';

/** Routes below need a signed-in user; without one (or once it expires) the user goes to login and comes back. */
export function RequireSession() {
  const { tokens } = useSession();
  const location = useLocation();
  if (tokens === null) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  return <Outlet />;
}
