import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { AdminHealth } from '../../../lib/api/types';

export const HEALTH_REFRESH_MS = 10_000;

export function useHealth(autoRefresh: boolean) {
  return useQuery({
    queryKey: ['health'],
    queryFn: ({ signal }) => api.request<AdminHealth>('/api/admin/health', { signal }),
    refetchInterval: autoRefresh ? HEALTH_REFRESH_MS : false,
    staleTime: 0,
  });
}

/** Tries the inbound events set aside after repeated failures again (once their cause is mended). */
export function useRetryInbox() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.request<{ requeued: number }>('/api/admin/health/inbox/retry', { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['health'] }),
  });
}
