import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useApi } from '../app/AppProviders';

/** Revokes the refresh token (best effort), forgets the session and goes to the login page. */
export function useLogout() {
  const { api } = useApi();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.logout(),
    onSettled: () => navigate('/login', { replace: true }),
  });
}
