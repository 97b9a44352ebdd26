import { queryOptions } from '@tanstack/react-query';
import { ApiError } from '@buildcrm/web-shared/lib/errors';
import { api } from '../../../lib/api';
import type { PackSchema } from '../../../lib/api/types';

/** The tenant pack's qualification schema (GET /api/crm/pack); null on a server that does not offer it yet. */
export const packQueryOptions = () =>
  queryOptions({
    queryKey: ['pack'],
    queryFn: async ({ signal }) => {
      try {
        return await api.request<PackSchema>('/api/crm/pack', { signal });
      } catch (error) {
        if (error instanceof ApiError && (error.problem.status === 404 || error.problem.status === 405)) return null;
        throw error;
      }
    },
    staleTime: Infinity,
  });
