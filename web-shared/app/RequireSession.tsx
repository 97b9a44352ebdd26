import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from './useSession';

/**
 * Routes below need a signed-in user; without one (or once it expires) the user goes to login and comes back.
 * While the session is restored from the refresh cookie (a new tab, a reopened app) a spinner stands in.
 */
export function RequireSession() {
  const { t } = useTranslation();
  const { tokens, restoring } = useSession();
  const location = useLocation();
  if (tokens === null && restoring) {
    return (
      <Center h="40vh">
        <Loader size="sm" aria-label={t('auth.restoring')} />
      </Center>
    );
  }
  if (tokens === null) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  return <Outlet />;
}
