import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { KnowledgeBaseView, KnowledgeEntry } from '../../../lib/api/types';

export function useKnowledge(tenantId: string) {
  return useQuery({
    queryKey: ['knowledge', tenantId],
    queryFn: ({ signal }) => api.request<KnowledgeBaseView>(`/api/admin/tenants/${tenantId}/knowledge`, { signal }),
  });
}

export function useSaveKnowledge(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entries: KnowledgeEntry[]) =>
      api.request<KnowledgeBaseView>(`/api/admin/tenants/${tenantId}/knowledge`, {
        method: 'PUT',
        body: { entries: entries.map(({ title, questions, answer }) => ({ title, questions, answer })) },
      }),
    onSuccess: (base) => queryClient.setQueryData(['knowledge', tenantId], base),
  });
}
