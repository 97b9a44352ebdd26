import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { LeadTask, NewTaskBody, TaskChange } from '../../../lib/api/types';

export const taskKeys = {
  ofLead: (leadId: number) => ['lead', leadId, 'tasks'] as const,
};

/** Open tasks first (soonest due first, "as soon as possible" before any time), then the done ones, newest first. */
export function sortTasks(tasks: LeadTask[]): LeadTask[] {
  const due = (task: LeadTask) => (task.dueAt === null ? -Infinity : new Date(task.dueAt).getTime());
  return [...tasks].sort((a, b) => {
    if (a.done !== b.done) return a.done ? 1 : -1;
    if (!a.done) return due(a) - due(b) || a.id - b.id;
    return (b.doneAt ?? '').localeCompare(a.doneAt ?? '') || b.id - a.id;
  });
}

/** The server leaves null values out of its JSON: absent = null here. */
export function normalizeTask(task: Partial<LeadTask> & Pick<LeadTask, 'id' | 'leadId' | 'title'>): LeadTask {
  return {
    kind: 'TODO',
    source: 'USER',
    createdAt: '',
    ...task,
    note: task.note ?? null,
    dueAt: task.dueAt ?? null,
    dueText: task.dueText ?? null,
    assignee: task.assignee ?? null,
    done: task.done ?? false,
    doneAt: task.doneAt ?? null,
  };
}

export const leadTasksQueryOptions = (leadId: number) =>
  queryOptions({
    queryKey: taskKeys.ofLead(leadId),
    queryFn: async ({ signal }) =>
      (await api.request<LeadTask[]>(`/api/crm/leads/${leadId}/tasks`, { signal })).map(normalizeTask),
  });

export function createTask(leadId: number, body: NewTaskBody) {
  return api.request<LeadTask>(`/api/crm/leads/${leadId}/tasks`, { method: 'POST', body });
}

export function updateTask(taskId: number, change: TaskChange) {
  return api.request<LeadTask>(`/api/crm/tasks/${taskId}`, { method: 'PATCH', body: change });
}

export function deleteTask(taskId: number) {
  return api.request<void>(`/api/crm/tasks/${taskId}`, { method: 'DELETE' });
}

/** A task changed: its lead's tasks, the lead (its next action), the lists and the Now queue are refetched. */
export function useTaskMutation<TVars, TResult>(leadId: number, mutate: (vars: TVars) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: mutate,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: taskKeys.ofLead(leadId) });
      void client.invalidateQueries({ queryKey: ['lead', leadId] });
      void client.invalidateQueries({ queryKey: ['leads'] });
      void client.invalidateQueries({ queryKey: ['now'] });
    },
  });
}
