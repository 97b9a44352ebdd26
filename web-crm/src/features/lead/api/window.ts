import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Message } from '../../../lib/api/types';
import { conversationKeys } from './conversation';

/** `GET /api/crm/leads/{id}/whatsapp-window` (ADR 035): can a free text go now, and the template instead. */
export interface WhatsAppWindow {
  state: 'NONE' | 'OPEN' | 'CLOSED';
  closesAt?: string | null;
  freeText: boolean;
  template?: { name: string; language: string; preview?: string | null; missing?: string | null } | null;
}

export const windowKey = (leadId: number) => ['lead', leadId, 'whatsapp-window'] as const;

export const windowQueryOptions = (leadId: number) =>
  queryOptions({
    queryKey: windowKey(leadId),
    queryFn: ({ signal }) => api.request<WhatsAppWindow>(`/api/crm/leads/${leadId}/whatsapp-window`, { signal }),
    // the window closes by itself 24 h after the client's last message
    refetchInterval: 60_000,
  });

export function useSendTemplate(leadId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.request<Message>(`/api/crm/leads/${leadId}/whatsapp-window/template`, { method: 'POST' }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: conversationKeys.messages(leadId) });
      void client.invalidateQueries({ queryKey: windowKey(leadId) });
      void client.invalidateQueries({ queryKey: ['leads'] });
    },
  });
}

/** A failed message's reason in words, for the failures people must act on; null for the others. */
export type FailureKey = 'chat.failure.template' | 'chat.failure.window' | 'chat.failure.noTemplates';

export function failureKey(error: string | null | undefined): FailureKey | null {
  if (!error) return null;
  if (/template rejected/i.test(error)) return 'chat.failure.template';
  if (/131047|24-hour/.test(error)) return 'chat.failure.window';
  if (/cannot send WhatsApp templates/i.test(error)) return 'chat.failure.noTemplates';
  return null;
}
