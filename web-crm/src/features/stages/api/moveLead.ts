import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { BoardColumn, Lead, Page, StageRef } from '../../../lib/api/types';

/*
 * The query keys below are the leads features' (`['leads', 'board' | 'column' | 'list', …]` and `['lead', id]`);
 * stages sits below those features, so it names the prefixes instead of importing them.
 */
const BOARDS = ['leads', 'board'] as const;
const COLUMNS = ['leads', 'column'] as const;
const LISTS = ['leads', 'list'] as const;
const oneLead = (id: number) => ['lead', id] as const;

export function moveLeadToStage(leadId: number, stageId: number): Promise<Lead> {
  return api.request<Lead>(`/api/crm/leads/${leadId}`, { method: 'PATCH', body: { stageId } });
}

/** Cards are sorted by score, highest first, whatever order the pages arrived in. */
export function byScore(a: Lead, b: Lead) {
  return b.score - a.score || a.id - b.id;
}

/** Moves the lead between the cached columns at once; the server's answer (or a refetch) settles it. */
export function moveInBoard(columns: BoardColumn[], lead: Lead, toStageId: number): BoardColumn[] {
  const target = columns.find((column) => column.stage.id === toStageId);
  if (!target) return columns;
  return columns.map((column) => {
    const without = column.leads.filter((item) => item.id !== lead.id);
    const removed = without.length !== column.leads.length;
    if (column.stage.id === toStageId) {
      const moved: Lead = { ...lead, stage: { id: target.stage.id, name: target.stage.name, role: target.stage.role } };
      // a capped count (ADR 043) stays «1 000+» either way
      const count = column.countCapped || removed ? column.count : column.count + 1;
      return { ...column, leads: [...without, moved].sort(byScore), count };
    }
    // a lead loaded by a further page of its column is not in `leads`, but the column's count still drops
    const wasHere = removed || lead.stage.id === column.stage.id;
    if (!wasHere) return column;
    return { ...column, leads: without, count: column.countCapped ? column.count : Math.max(0, column.count - 1) };
  });
}

export type CacheSnapshot = [QueryKey, unknown][];

/**
 * Shows the move in every cached board, column page, list and the lead itself before the server answers; returns
 * what it replaced so a failed move can put it back.
 */
export function applyMoveToCaches(client: QueryClient, lead: Lead, to: StageRef): CacheSnapshot {
  const snapshot: CacheSnapshot = [
    ...client.getQueriesData({ queryKey: BOARDS }),
    ...client.getQueriesData({ queryKey: COLUMNS }),
    ...client.getQueriesData({ queryKey: LISTS }),
    [oneLead(lead.id), client.getQueryData(oneLead(lead.id))],
  ];
  const moved = (item: Lead): Lead => (item.id === lead.id ? { ...item, stage: to } : item);
  client.setQueriesData<BoardColumn[]>({ queryKey: BOARDS }, (columns) =>
    columns ? moveInBoard(columns, lead, to.id) : columns,
  );
  // further pages of a column: the lead leaves every column but its new one
  for (const [key, data] of client.getQueriesData<InfiniteData<Page<Lead>>>({ queryKey: COLUMNS })) {
    if (!data || key[2] === to.id) continue;
    client.setQueryData<InfiniteData<Page<Lead>>>(key, {
      ...data,
      pages: data.pages.map((page) => ({ ...page, items: page.items.filter((item) => item.id !== lead.id) })),
    });
  }
  client.setQueriesData<InfiniteData<Page<Lead>>>({ queryKey: LISTS }, (data) =>
    data ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map(moved) })) } : data,
  );
  client.setQueryData<Lead>(oneLead(lead.id), (current) => (current ? moved(current) : current));
  return snapshot;
}

export function restoreCaches(client: QueryClient, snapshot: CacheSnapshot) {
  for (const [key, data] of snapshot) client.setQueryData(key, data);
}

export function settleCaches(client: QueryClient, lead: Lead | undefined) {
  if (lead) client.setQueryData(oneLead(lead.id), lead);
  void client.invalidateQueries({ queryKey: ['leads'] });
  void client.invalidateQueries({ queryKey: ['now'] });
}
