import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { AuditPage } from '../../../lib/api/types';

export const AUDIT_PAGE_SIZE = 25;

export function useAudit(tenantId: string) {
  return useInfiniteQuery({
    queryKey: ['audit', tenantId],
    initialPageParam: '',
    queryFn: ({ pageParam, signal }) =>
      api.request<AuditPage>(
        `/api/admin/tenants/${tenantId}/audit?limit=${AUDIT_PAGE_SIZE}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
        { signal },
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 0,
  });
}
