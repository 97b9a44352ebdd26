import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { AssignmentSettings } from '../../../lib/api/types';

export const assignmentKeys = { settings: ['assignment-settings'] as const };

export const assignmentQueryOptions = () =>
  queryOptions({
    queryKey: assignmentKeys.settings,
    queryFn: ({ signal }) => api.request<AssignmentSettings>('/api/crm/settings/assignment', { signal }),
  });

export function useSaveAssignment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: AssignmentSettings) =>
      api.request<AssignmentSettings>('/api/crm/settings/assignment', { method: 'PUT', body: settings }),
    onSuccess: (settings) => client.setQueryData(assignmentKeys.settings, settings),
  });
}
