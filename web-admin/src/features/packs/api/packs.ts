import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Pack } from '../../../lib/api/types';

/** The installed industry packs (a new tenant picks one; a tenant's pack panel switches it). */
export const packsQueryOptions = () =>
  queryOptions({
    queryKey: ['packs'],
    queryFn: ({ signal }) => api.request<Pack[]>('/api/admin/packs', { signal }),
    staleTime: 5 * 60_000,
  });

export function usePacks() {
  return useQuery(packsQueryOptions());
}
