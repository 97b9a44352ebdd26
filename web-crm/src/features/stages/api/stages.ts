import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Stage } from '../../../lib/api/types';

export const stageKeys = { all: ['stages'] as const };

export const stagesQueryOptions = () =>
  queryOptions({
    queryKey: stageKeys.all,
    queryFn: async ({ signal }) =>
      [...(await api.request<Stage[]>('/api/crm/stages', { signal }))].sort((a, b) => a.position - b.position),
    staleTime: 60_000,
  });

export interface StageDraft {
  name?: string;
  color?: string;
}

function useStageMutation<T>(fn: (vars: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => {
      void client.invalidateQueries({ queryKey: stageKeys.all });
      void client.invalidateQueries({ queryKey: ['leads'] });
    },
  });
}

export const useCreateStage = () =>
  useStageMutation((draft: Required<StageDraft>) =>
    api.request<Stage>('/api/crm/stages', { method: 'POST', body: draft }),
  );
export const useUpdateStage = () =>
  useStageMutation(({ id, ...draft }: StageDraft & { id: number }) =>
    api.request<Stage>(`/api/crm/stages/${id}`, { method: 'PATCH', body: draft }),
  );
export const useDeleteStage = () =>
  useStageMutation((id: number) => api.request<void>(`/api/crm/stages/${id}`, { method: 'DELETE' }));
export const useReorderStages = () =>
  useStageMutation((ids: number[]) => api.request<void>('/api/crm/stages/order', { method: 'PUT', body: { ids } }));
