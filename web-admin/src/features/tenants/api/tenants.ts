import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Tenant } from '../../../lib/api/types';

export type { Tenant };

export interface CreateTenantRequest {
  slug: string;
  name: string;
  timezone: string;
  locale: string;
  pack: string;
  owner: { name: string; email: string; password: string };
}

export const tenantsQueryOptions = () =>
  queryOptions({
    queryKey: ['tenants'],
    queryFn: ({ signal }) => api.request<Tenant[]>('/api/admin/tenants', { signal }),
  });

export function useTenants() {
  return useQuery(tenantsQueryOptions());
}

export const tenantQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['tenants', id],
    queryFn: ({ signal }) => api.request<Tenant>(`/api/admin/tenants/${id}`, { signal }),
  });

export function useTenant(id: string) {
  return useQuery(tenantQueryOptions(id));
}

export function useCreateTenant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTenantRequest) => api.request<Tenant>('/api/admin/tenants', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tenants'] }),
  });
}

/** Suspend or resume: suspended tenants cannot log in; their inbound is still stored. */
export function useTenantStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: 'suspend' | 'resume') =>
      api.request<Tenant>(`/api/admin/tenants/${id}/${action}`, { method: 'POST', body: {} }),
    onSuccess: (tenant) => {
      queryClient.setQueryData(['tenants', id], tenant);
      void queryClient.invalidateQueries({ queryKey: ['tenants'], exact: true });
      void queryClient.invalidateQueries({ queryKey: ['audit', id] });
    },
  });
}
