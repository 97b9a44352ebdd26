import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { NowItem, TeamQueue } from '../../../lib/api/types';
import { zonedLocalToIso } from '../../../lib/time';
import { updateTask } from '../../lead/api/tasks';

export type NowScope = 'me' | 'team';

export const nowKeys = {
  all: ['now'] as const,
  queue: (scope: NowScope) => ['now', 'queue', scope] as const,
  team: ['now', 'team'] as const,
};

/** The queue is refreshed by live events (useLiveUpdates) and, whatever happens, every minute: times move on. */
const EVERY_MINUTE = 60_000;

export const nowQueryOptions = (scope: NowScope) =>
  queryOptions({
    queryKey: nowKeys.queue(scope),
    queryFn: async ({ signal }) =>
      (await api.request<NowItem[]>(`/api/crm/now?scope=${scope}`, { signal })).map((item) => ({
        lead: item.lead,
        // absent (null) values are left out of the server's JSON
        action: { ...item.action, dueAt: item.action.dueAt ?? null, taskId: item.action.taskId ?? null },
      })),
    refetchInterval: EVERY_MINUTE,
  });

export const teamQueryOptions = (enabled: boolean) =>
  queryOptions({
    queryKey: nowKeys.team,
    queryFn: ({ signal }) => api.request<TeamQueue[]>('/api/crm/now/team', { signal }),
    refetchInterval: EVERY_MINUTE,
    enabled,
  });

export function snoozeLead(leadId: number, minutes: number) {
  return api.request<void>(`/api/crm/leads/${leadId}/snooze`, { method: 'POST', body: { minutes } });
}

export type SnoozeChoice = '15m' | '1h' | 'tomorrow';

/** Minutes for a snooze choice; "tomorrow" is 09:00 tomorrow on the company's clock (the server allows 5–1440). */
export function snoozeMinutes(choice: SnoozeChoice, now: Date, timeZone: string): number {
  if (choice === '15m') return 15;
  if (choice === '1h') return 60;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(now); // YYYY-MM-DD
  const tomorrow = new Date(`${today}T12:00:00Z`);
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
  const at = zonedLocalToIso(`${tomorrow.toISOString().slice(0, 10)}T09:00`, timeZone);
  const minutes = Math.ceil((new Date(at!).getTime() - now.getTime()) / 60_000);
  return Math.min(1440, Math.max(5, minutes));
}

function useRefreshAfter() {
  const client = useQueryClient();
  return (leadId: number) => {
    void client.invalidateQueries({ queryKey: nowKeys.all });
    void client.invalidateQueries({ queryKey: ['lead', leadId] });
    void client.invalidateQueries({ queryKey: ['leads'] });
  };
}

export function useSnooze() {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: ({ leadId, minutes }: { leadId: number; minutes: number }) => snoozeLead(leadId, minutes),
    onSuccess: (_result, { leadId }) => refresh(leadId),
  });
}

export function useCompleteTask() {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: ({ taskId }: { leadId: number; taskId: number }) => updateTask(taskId, { done: true }),
    onSuccess: (_result, { leadId }) => refresh(leadId),
  });
}
