import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { FollowUpPolicy, FollowUpTimeline } from '../../../lib/api/types';

export function useFollowUps(tenantId: string) {
  return useQuery({
    queryKey: ['followups', tenantId],
    queryFn: ({ signal }) => api.request<FollowUpPolicy>(`/api/admin/tenants/${tenantId}/followups`, { signal }),
  });
}

export function useSaveFollowUps(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FollowUpPolicy) =>
      api.request<FollowUpPolicy>(`/api/admin/tenants/${tenantId}/followups`, { method: 'PUT', body }),
    onSuccess: (policy) => {
      queryClient.setQueryData(['followups', tenantId], policy);
      void queryClient.invalidateQueries({ queryKey: ['followups', tenantId, 'timeline'] });
    },
  });
}

export function useResetFollowUps(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.request<FollowUpPolicy>(`/api/admin/tenants/${tenantId}/followups`, { method: 'DELETE' }),
    onSuccess: (policy) => {
      queryClient.setQueryData(['followups', tenantId], policy);
      void queryClient.invalidateQueries({ queryKey: ['followups', tenantId, 'timeline'] });
    },
  });
}

/** When each saved step would fire for a silence that starts at `armedAt` (ISO instant). */
export function useFollowUpTimeline(tenantId: string, armedAt: string) {
  return useQuery({
    queryKey: ['followups', tenantId, 'timeline', armedAt],
    queryFn: ({ signal }) =>
      api.request<FollowUpTimeline>(
        `/api/admin/tenants/${tenantId}/followups/timeline?armedAt=${encodeURIComponent(armedAt)}`,
        { signal },
      ),
  });
}
