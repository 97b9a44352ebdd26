import { useQuery } from '@tanstack/react-query';
import { meQueryOptions, type Me } from '../api/getMe';

export interface CurrentUser {
  me: Me | undefined;
  timeZone: string;
  /** Owners and heads of sales manage stages, users and see analytics. */
  canManage: boolean;
}

export function useCurrentUser(): CurrentUser {
  const { data } = useQuery(meQueryOptions());
  const role = data?.role.toLowerCase();
  return {
    me: data,
    timeZone: data?.tenant.timezone ?? 'Asia/Almaty',
    canManage: role === 'owner' || role === 'rop',
  };
}
