import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '@shared/lib/errors';
import { api } from '../../../lib/api';
import type { BoardColumn, Lead, Page, Stage } from '../../../lib/api/types';
import { stagesQueryOptions } from '../../stages/api/stages';
import { filtersToQuery, type LeadFilters } from './filters';

export const BOARD_PAGE = 20;
export const LIST_PAGE = 30;

export const leadKeys = {
  all: ['leads'] as const,
  board: (filters: LeadFilters) => ['leads', 'board', filtersToQuery(filters, { withStage: false }).toString()] as const,
  column: (filters: LeadFilters, stageId: number) =>
    ['leads', 'column', stageId, filtersToQuery(filters, { withStage: false }).toString()] as const,
  list: (filters: LeadFilters) => ['leads', 'list', filtersToQuery(filters, { withStage: true }).toString()] as const,
  one: (id: number) => ['lead', id] as const,
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

/**
 * The board: one column per stage in order. Uses GET /api/crm/board; against a server without it (404) the columns
 * are assembled from the stages and the list endpoint, so the screen works while the server catches up.
 */
export async function getBoard(filters: LeadFilters, signal?: AbortSignal): Promise<BoardColumn[]> {
  const params = filtersToQuery(filters, { withStage: false });
  params.set('limit', String(BOARD_PAGE));
  try {
    const board = await api.request<{ columns: BoardColumn[] }>(withQuery('/api/crm/board', params), { signal });
    return board.columns.map((column) => ({ ...column, nextCursor: column.nextCursor ?? null }));
  } catch (error) {
    if (!(error instanceof ApiError) || (error.problem.status !== 404 && error.problem.status !== 405)) throw error;
  }
  const stages = await api.request<Stage[]>('/api/crm/stages', { signal });
  return Promise.all(
    [...stages]
      .sort((a, b) => a.position - b.position)
      .map(async (stage) => {
        const page = await listLeads({ ...filters, stage: String(stage.id) }, null, BOARD_PAGE, signal);
        return { stage, count: page.items.length, leads: page.items, nextCursor: page.nextCursor ?? null };
      }),
  );
}

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

export function getLead(id: number, signal?: AbortSignal) {
  return api.request<Lead>(`/api/crm/leads/${id}`, { signal });
}

export const leadQueryOptions = (id: number) =>
  queryOptions({ queryKey: leadKeys.one(id), queryFn: ({ signal }) => getLead(id, signal) });

export interface LeadChange {
  name?: string;
  city?: string;
  fields?: Record<string, unknown>;
  stageId?: number;
  /** 0 = nobody */
  assigneeId?: number;
  aiEnabled?: boolean;
}

export function patchLead(id: number, change: LeadChange) {
  return api.request<Lead>(`/api/crm/leads/${id}`, { method: 'PATCH', body: change });
}

/** Take over from the AI, or give the conversation back; PATCH aiEnabled on a server without the handoff endpoints. */
export async function handOff(id: number, to: 'human' | 'ai'): Promise<Lead> {
  try {
    return await api.request<Lead>(`/api/crm/leads/${id}/${to === 'human' ? 'takeover' : 'return-to-ai'}`, {
      method: 'POST',
      body: {},
    });
  } catch (error) {
    if (!(error instanceof ApiError) || (error.problem.status !== 404 && error.problem.status !== 405)) throw error;
    return patchLead(id, { aiEnabled: to === 'ai' });
  }
}

/** Every lead view refreshes after a change; the changed lead is written into the cache at once. */
export function useLeadMutation<TVars>(mutate: (vars: TVars) => Promise<Lead>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: mutate,
    onSuccess: (lead) => {
      client.setQueryData(leadKeys.one(lead.id), lead);
      void client.invalidateQueries({ queryKey: leadKeys.all });
      void client.invalidateQueries({ queryKey: ['lead', lead.id, 'events'] });
    },
  });
}

export { stagesQueryOptions };
