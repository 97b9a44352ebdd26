import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export interface Me {
  id: string | number;
  name: string;
  email: string;
  role: string;
  tenant: {
    slug: string;
    name: string;
    timezone: string;
    locale: string;
  };
}

/** Owners and heads of sales manage stages, users and see analytics; the server enforces the same. */
export function managesCompany(me: Pick<Me, 'role'> | undefined): boolean {
  const role = me?.role.toLowerCase();
  return role === 'owner' || role === 'rop';
}

export function getMe(signal?: AbortSignal): Promise<Me> {
  return api.request<Me>('/api/crm/me', { signal });
}

export const meQueryOptions = () => queryOptions({ queryKey: ['me'], queryFn: ({ signal }) => getMe(signal) });

export function useMe() {
  return useQuery(meQueryOptions());
}
