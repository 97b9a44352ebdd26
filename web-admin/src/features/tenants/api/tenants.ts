import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

/** The tenants list shows this many companies per page (the server accepts 1..200). */
export const TENANTS_PAGE_SIZE = 50;

/** One page of the tenants list: what the URL asks for (`?q=…&page=2`, pages counted from 1). */
export interface TenantsPageRequest {
  q: string;
  page: number;
}

export interface TenantsPage {
  items: Tenant[];
  /** How many tenants match `q` before paging (the server's `X-Total-Count`). */
  total: number;
  offset: number;
}

/**
 * A server without paging ignores limit/offset, answers every tenant and sends no `X-Total-Count`: then the total
 * is what this answer shows, which is exact for the whole list.
 */
function totalOf(headers: Headers, offset: number, items: Tenant[]): number {
  const header = headers.get('X-Total-Count')?.trim() ?? '';
  return /^\d{1,15}$/.test(header) ? Number(header) : offset + items.length;
}

/** Newest first, as the server orders them; every list page lives under the `['tenants', 'page']` prefix. */
export const tenantsPageQueryOptions = ({ q, page }: TenantsPageRequest) => {
  const query = q.trim();
  const offset = (Math.max(1, page) - 1) * TENANTS_PAGE_SIZE;
  return queryOptions({
    queryKey: ['tenants', 'page', { q: query, offset, limit: TENANTS_PAGE_SIZE }],
    queryFn: async ({ signal }): Promise<TenantsPage> => {
      const params = new URLSearchParams({ limit: String(TENANTS_PAGE_SIZE), offset: String(offset) });
      if (query !== '') params.set('q', query);
      const { body, headers } = await api.requestWithHeaders<Tenant[]>(`/api/admin/tenants?${params}`, { signal });
      return { items: body, total: totalOf(headers, offset, body), offset };
    },
    // the page on screen stays while the next one (or the next search) loads: no flash, no layout jump
    placeholderData: keepPreviousData,
  });
};

export function useTenantsPage(request: TenantsPageRequest) {
  return useQuery(tenantsPageQueryOptions(request));
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
      // the list pages show the status; the tenant itself was just set above
      void queryClient.invalidateQueries({ queryKey: ['tenants', 'page'] });
      void queryClient.invalidateQueries({ queryKey: ['audit', id] });
    },
  });
}
