import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Funnel, ManagersReport, ResponseTimes } from '../../../lib/api/types';

export interface Period {
  from: string; // yyyy-mm-dd
  to: string;
}

const q = (period: Period) => `from=${encodeURIComponent(period.from)}&to=${encodeURIComponent(period.to)}`;

export const funnelQueryOptions = (period: Period) =>
  queryOptions({
    queryKey: ['analytics', 'funnel', period],
    queryFn: ({ signal }) => api.request<Funnel>(`/api/crm/analytics/funnel?${q(period)}`, { signal }),
  });
export const responseTimesQueryOptions = (period: Period) =>
  queryOptions({
    queryKey: ['analytics', 'response-times', period],
    queryFn: ({ signal }) => api.request<ResponseTimes>(`/api/crm/analytics/response-times?${q(period)}`, { signal }),
  });
export const managersQueryOptions = (period: Period) =>
  queryOptions({
    queryKey: ['analytics', 'managers', period],
    queryFn: ({ signal }) => api.request<ManagersReport>(`/api/crm/analytics/managers?${q(period)}`, { signal }),
  });
