import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Lead, LeadSummary } from '../../../lib/api/types';

/** Under the lead's key: every live event of the lead refreshes it. */
export const summaryKey = (leadId: number) => ['lead', leadId, 'summary'] as const;

/** The summary is pinned when a person leads the chat, the AI asked for one, or the client asked for a call. */
export function summaryPinned(lead: Lead): boolean {
  return lead.handledBy === 'HUMAN' || lead.needsHuman === true || lead.stage.role === 'CALL_REQUESTED';
}

export const summaryQueryOptions = (lead: Lead) =>
  queryOptions({
    // the lead's hands and stage are in the key: a take-over or a call request fetches it at once
    queryKey: [...summaryKey(lead.id), lead.handledBy, lead.needsHuman === true, lead.stage.role] as const,
    queryFn: ({ signal }) => api.request<LeadSummary>(`/api/crm/leads/${lead.id}/summary`, { signal }),
    enabled: summaryPinned(lead),
    // a refetch after a take-over keeps the card (and the chat's height) in place
    placeholderData: keepPreviousData,
  });
