import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { AssignmentSettings } from '../../../lib/api/types';

export const assignmentKeys = { settings: ['assignment-settings'] as const };

/** The server leaves null values (and may leave empty lists) out of its JSON. */
export function normalizeAssignment(settings: Partial<AssignmentSettings>): AssignmentSettings {
  return {
    mode: settings.mode ?? 'MANUAL',
    on: settings.on ?? [],
    rotation: settings.rotation ?? [],
    reassignAfterMinutes: settings.reassignAfterMinutes ?? null,
  };
}

export const assignmentQueryOptions = () =>
  queryOptions({
    queryKey: assignmentKeys.settings,
    queryFn: async ({ signal }) =>
      normalizeAssignment(await api.request<Partial<AssignmentSettings>>('/api/crm/settings/assignment', { signal })),
  });

export function useSaveAssignment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (settings: AssignmentSettings) =>
      normalizeAssignment(
        await api.request<Partial<AssignmentSettings>>('/api/crm/settings/assignment', {
          method: 'PUT',
          body: settings,
        }),
      ),
    onSuccess: (settings) => client.setQueryData(assignmentKeys.settings, settings),
  });
}
