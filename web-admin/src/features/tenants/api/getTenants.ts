import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export interface Tenant {
  id: string | number;
  slug: string;
  name: string;
  status: string;
  timezone: string;
  locale: string;
  pack: string;
  /** ISO-8601 with offset. */
  createdAt: string;
}

export function getTenants(signal?: AbortSignal): Promise<Tenant[]> {
  return api.request<Tenant[]>('/api/admin/tenants', { signal });
}

export const tenantsQueryOptions = () =>
  queryOptions({ queryKey: ['tenants'], queryFn: ({ signal }) => getTenants(signal) });

export function useTenants() {
  return useQuery(tenantsQueryOptions());
}
