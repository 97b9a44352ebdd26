import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { BoardColumn, Lead, Page } from '../../../lib/api/types';
import { leadKeys as oneLeadKeys } from '../../lead/api/lead';
import { filtersToQuery, type LeadFilters } from './filters';

export const BOARD_PAGE = 20;
export const LIST_PAGE = 30;

export const leadKeys = {
  all: oneLeadKeys.all,
  board: (filters: LeadFilters) =>
    ['leads', 'board', filtersToQuery(filters, { withStage: false }).toString()] as const,
  column: (filters: LeadFilters, stageId: number) =>
    ['leads', 'column', stageId, filtersToQuery(filters, { withStage: false }).toString()] as const,
  list: (filters: LeadFilters) => ['leads', 'list', filtersToQuery(filters, { withStage: true }).toString()] as const,
  one: oneLeadKeys.one,
};

function withQuery(path: string, params: URLSearchParams): string {
  const query = params.toString();
  return query === '' ? path : `${path}?${query}`;
}

export function listLeads(filters: LeadFilters, cursor: string | null, limit: number, signal?: AbortSignal) {
  const params = filtersToQuery(filters, { withStage: true });
  params.set('limit', String(limit));
  if (cursor !== null) params.set('cursor', cursor);
  return api.request<Page<Lead>>(withQuery('/api/crm/leads', params), { signal });
}

/** The board: one column per stage in order, each with its first page of leads. */
export async function getBoard(filters: LeadFilters, signal?: AbortSignal): Promise<BoardColumn[]> {
  const params = filtersToQuery(filters, { withStage: false });
  params.set('limit', String(BOARD_PAGE));
  const board = await api.request<{ columns: BoardColumn[] }>(withQuery('/api/crm/board', params), { signal });
  return board.columns.map((column) => ({ ...column, nextCursor: column.nextCursor ?? null }));
}

/** Whether the company has any lead at all (no filters, one row); under ['leads'] so every lead change refreshes it. */
export const firstLeadQueryOptions = () =>
  queryOptions({
    queryKey: ['leads', 'any'] as const,
    queryFn: ({ signal }) => api.request<Page<Lead>>('/api/crm/leads?limit=1', { signal }),
  });

export const boardQueryOptions = (filters: LeadFilters) =>
  queryOptions({ queryKey: leadKeys.board(filters), queryFn: ({ signal }) => getBoard(filters, signal) });

/** Further pages of one board column (the first page came with the board). */
export const columnQueryOptions = (filters: LeadFilters, stageId: number, firstCursor: string | null) =>
  infiniteQueryOptions({
    queryKey: [...leadKeys.column(filters, stageId), firstCursor],
    queryFn: ({ pageParam, signal }) =>
      listLeads({ ...filters, stage: String(stageId) }, pageParam, BOARD_PAGE, signal),
    initialPageParam: firstCursor,
    getNextPageParam: (last) => last.nextCursor ?? null,
    enabled: false,
  });

export const listQueryOptions = (filters: LeadFilters) =>
  infiniteQueryOptions({
    queryKey: leadKeys.list(filters),
    queryFn: ({ pageParam, signal }) => listLeads(filters, pageParam, LIST_PAGE, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? null,
  });
