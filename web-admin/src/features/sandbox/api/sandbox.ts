import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { ChatMessage, Lead } from '../../../lib/api/types';
import { ApiError } from '@buildcrm/web-shared/lib/errors';

/** How often the phone and the lead panel look for the bot's replies (it answers after its debounce). */
export const SANDBOX_POLL_MS = 1500;

export function useSandboxChat(tenantId: string, phone: string, enabled: boolean) {
  return useQuery({
    queryKey: ['sandbox', tenantId, 'chat', phone],
    queryFn: ({ signal }) =>
      api.request<ChatMessage[]>(`/api/admin/tenants/${tenantId}/sandbox/chats/${encodeURIComponent(phone)}`, {
        signal,
      }),
    enabled,
    refetchInterval: SANDBOX_POLL_MS,
    staleTime: 0,
  });
}

/** The lead behind the chat, or null until the first message has made one (404). */
export function useSandboxLead(tenantId: string, phone: string, enabled: boolean) {
  return useQuery({
    queryKey: ['sandbox', tenantId, 'lead', phone],
    queryFn: async ({ signal }) => {
      try {
        return await api.request<Lead>(`/api/admin/tenants/${tenantId}/sandbox/leads/${encodeURIComponent(phone)}`, {
          signal,
        });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    enabled,
    refetchInterval: SANDBOX_POLL_MS,
    staleTime: 0,
  });
}

export function useSendSandboxMessage(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { phone: string; name: string; text: string }) =>
      api.request<unknown>(`/api/admin/tenants/${tenantId}/sandbox/messages`, { method: 'POST', body }),
    onSuccess: (_result, body) =>
      queryClient.invalidateQueries({ queryKey: ['sandbox', tenantId, 'chat', body.phone] }),
  });
}
