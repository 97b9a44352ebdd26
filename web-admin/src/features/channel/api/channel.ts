import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { ChannelTestResult, ChannelView, Provider } from '../../../lib/api/types';
import { ApiError } from '@buildcrm/web-shared/lib/errors';

export interface ChannelRequest {
  provider: Provider;
  /** Secrets left empty (or sent as the mask) keep their stored value. */
  settings: Record<string, string>;
}

/** The tenant's channel, or null while none is configured (404). */
export function useChannel(tenantId: string) {
  return useQuery({
    queryKey: ['channel', tenantId],
    queryFn: async ({ signal }) => {
      try {
        return await api.request<ChannelView>(`/api/admin/tenants/${tenantId}/channel`, { signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

export function useSaveChannel(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChannelRequest) =>
      api.request<ChannelView>(`/api/admin/tenants/${tenantId}/channel`, { method: 'PUT', body }),
    onSuccess: (view) => {
      queryClient.setQueryData(['channel', tenantId], view);
      void queryClient.invalidateQueries({ queryKey: ['tenants'] });
    },
  });
}

export function useRotateSecret(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api.request<ChannelView>(`/api/admin/tenants/${tenantId}/channel/rotate-secret`, { method: 'POST', body: {} }),
    onSuccess: (view) => queryClient.setQueryData(['channel', tenantId], view),
  });
}

export function useTestChannel(tenantId: string) {
  return useMutation({
    mutationFn: (body: { phone?: string; text?: string }) =>
      api.request<ChannelTestResult>(`/api/admin/tenants/${tenantId}/channel/test`, { method: 'POST', body }),
  });
}
