import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '@buildcrm/web-shared/lib/errors';
import { toProblem } from '@buildcrm/web-shared/lib/problem';
import { api, session } from '../../../lib/api';
import { env } from '@buildcrm/web-shared/lib/env';
import type { LeadEvent, Message, MessagePage, SendMessageBody, UploadedMedia } from '../../../lib/api/types';

export const conversationKeys = {
  messages: (leadId: number) => ['lead', leadId, 'messages'] as const,
  events: (leadId: number) => ['lead', leadId, 'events'] as const,
};

/** History pages go backwards in time: the first page is the newest, `previousCursor` loads older messages. */
export const messagesQueryOptions = (leadId: number) =>
  infiniteQueryOptions({
    queryKey: conversationKeys.messages(leadId),
    queryFn: ({ pageParam, signal }) =>
      api.request<MessagePage>(
        `/api/crm/leads/${leadId}/messages?limit=50${pageParam === null ? '' : `&before=${encodeURIComponent(pageParam)}`}`,
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.previousCursor ?? null,
  });

/** Oldest first, across the loaded pages. */
export function flattenMessages(pages: MessagePage[] | undefined): Message[] {
  if (!pages) return [];
  return [...pages].reverse().flatMap((page) => page.items);
}

export const leadEventsQueryOptions = (leadId: number) =>
  queryOptions({
    queryKey: conversationKeys.events(leadId),
    queryFn: ({ signal }) => api.request<LeadEvent[]>(`/api/crm/leads/${leadId}/events`, { signal }),
  });

async function upload(file: File): Promise<UploadedMedia> {
  const form = new FormData();
  form.append('file', file);
  const post = (token: string) =>
    fetch(new URL(`${env.apiBaseUrl}/api/crm/media`, window.location.origin).href, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
      body: form,
    });
  const tokens = session.tokens();
  if (tokens === null) throw new Error('not signed in');
  let response = await post(tokens.accessToken);
  if (response.status === 401) {
    // Let the shared client refresh the pair (single-flight), then retry once with the new token.
    await api.request('/api/crm/me');
    const fresh = session.tokens();
    if (fresh === null) throw new Error('not signed in');
    response = await post(fresh.accessToken);
  }
  if (!response.ok) {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    throw new ApiError(toProblem(body, response.status, response.statusText), null);
  }
  return (await response.json()) as UploadedMedia;
}

export function useSendMessage(leadId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ text, file }: { text: string; file: File | null }) => {
      const body: SendMessageBody = {};
      if (file !== null) body.mediaId = String((await upload(file)).id);
      if (text.trim() !== '') body.text = text.trim();
      return api.request<Message>(`/api/crm/leads/${leadId}/messages`, { method: 'POST', body });
    },
    onSettled: () => {
      void client.invalidateQueries({ queryKey: conversationKeys.messages(leadId) });
      void client.invalidateQueries({ queryKey: ['leads'] });
    },
  });
}
