import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { CreateUserBody, CrmSettings, CrmUser } from '../../../lib/api/types';

export const userKeys = { all: ['users'] as const, settings: ['crm-settings'] as const };

export const usersQueryOptions = (enabled = true) =>
  queryOptions({
    queryKey: userKeys.all,
    queryFn: ({ signal }) => api.request<CrmUser[]>('/api/crm/users', { signal }),
    enabled,
    staleTime: 60_000,
  });

export function useInviteUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserBody) => api.request<CrmUser>('/api/crm/users', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export interface UserChange {
  name?: string;
  role?: string;
  status?: 'active' | 'disabled' | string;
  password?: string;
}

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...change }: UserChange & { id: number }) =>
      api.request<CrmUser>(`/api/crm/users/${id}`, { method: 'PATCH', body: change }),
    onSuccess: () => client.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export const crmSettingsQueryOptions = () =>
  queryOptions({
    queryKey: userKeys.settings,
    queryFn: ({ signal }) => api.request<CrmSettings>('/api/crm/settings', { signal }),
  });

export function useUpdateCrmSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: Partial<CrmSettings>) =>
      api.request<CrmSettings>('/api/crm/settings', { method: 'PATCH', body: change }),
    onSuccess: (settings) => client.setQueryData(userKeys.settings, settings),
  });
}
