import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { AiView, PackView } from '../../../lib/api/types';

export interface AiRequest {
  enabled: boolean;
  brain: 'rules' | 'llm';
  prompt: string;
  debounceMs: number;
  llm: {
    baseUrl: string;
    model: string;
    /** Write-only: omitted keeps the stored key. */
    apiKey?: string;
    temperature: number;
    clearApiKey?: boolean;
  };
}

export function useAi(tenantId: string) {
  return useQuery({
    queryKey: ['ai', tenantId],
    queryFn: ({ signal }) => api.request<AiView>(`/api/admin/tenants/${tenantId}/ai`, { signal }),
  });
}

export function useSaveAi(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AiRequest) => api.request<AiView>(`/api/admin/tenants/${tenantId}/ai`, { method: 'PUT', body }),
    onSuccess: (view) => queryClient.setQueryData(['ai', tenantId], view),
  });
}

export function usePack(tenantId: string) {
  return useQuery({
    queryKey: ['pack', tenantId],
    queryFn: ({ signal }) => api.request<PackView>(`/api/admin/tenants/${tenantId}/pack`, { signal }),
  });
}

export function useSavePack(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { pack: string; settings: Record<string, string> }) =>
      api.request<PackView>(`/api/admin/tenants/${tenantId}/pack`, { method: 'PUT', body }),
    onSuccess: (view) => {
      queryClient.setQueryData(['pack', tenantId], view);
      // the pack decides the industry prompt, the default greeting and follow-ups
      void queryClient.invalidateQueries({ queryKey: ['ai', tenantId] });
      void queryClient.invalidateQueries({ queryKey: ['greeting', tenantId] });
      void queryClient.invalidateQueries({ queryKey: ['followups', tenantId] });
      void queryClient.invalidateQueries({ queryKey: ['tenants'] });
    },
  });
}
