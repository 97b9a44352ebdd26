import { useQuery } from '@tanstack/react-query';
import { managesCompany, meQueryOptions, type Me } from '../api/getMe';

export interface CurrentUser {
  me: Me | undefined;
  timeZone: string;
  /** Owners and heads of sales manage stages, users and see analytics. */
  canManage: boolean;
}

export function useCurrentUser(): CurrentUser {
  const { data } = useQuery(meQueryOptions());
  return {
    me: data,
    timeZone: data?.tenant.timezone ?? 'Asia/Almaty',
    canManage: managesCompany(data),
  };
}
