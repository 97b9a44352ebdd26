import { useQuery } from '@tanstack/react-query';
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
