import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Lead } from '../../../lib/api/types';

export const leadKeys = {
  /** Every list of leads (board, columns, list); the leads feature adds the filters below this prefix. */
  all: ['leads'] as const,
  one: (id: number) => ['lead', id] as const,
};

export function getLead(id: number, signal?: AbortSignal) {
  return api.request<Lead>(`/api/crm/leads/${id}`, { signal });
}

export const leadQueryOptions = (id: number) =>
  queryOptions({ queryKey: leadKeys.one(id), queryFn: ({ signal }) => getLead(id, signal) });

export interface LeadChange {
  name?: string;
  city?: string;
  fields?: Record<string, unknown>;
  stageId?: number;
  /** 0 = nobody */
  assigneeId?: number;
  aiEnabled?: boolean;
}

export function patchLead(id: number, change: LeadChange) {
  return api.request<Lead>(`/api/crm/leads/${id}`, { method: 'PATCH', body: change });
}

/** Take over from the AI, or give the conversation back. */
export function handOff(id: number, to: 'human' | 'ai'): Promise<Lead> {
  return api.request<Lead>(`/api/crm/leads/${id}/${to === 'human' ? 'takeover' : 'return-to-ai'}`, {
    method: 'POST',
    body: {},
  });
}

/** Every lead view refreshes after a change; the changed lead is written into the cache at once. */
export function useLeadMutation<TVars>(mutate: (vars: TVars) => Promise<Lead>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: mutate,
    onSuccess: (lead) => {
      client.setQueryData(leadKeys.one(lead.id), lead);
      void client.invalidateQueries({ queryKey: leadKeys.all });
      void client.invalidateQueries({ queryKey: ['lead', lead.id, 'events'] });
    },
  });
}
