import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { BoardColumn } from '../../../lib/api/types';
import { byScore } from '../../stages/api/moveLead';
import type { LeadFilters } from '../api/filters';
import { columnQueryOptions } from '../api/leads';

/**
 * One stage's leads: the first page came with the board, further pages load when `sentinel` (put it at the end of
 * the list) comes into view. Cards are sorted by score whatever order the pages arrived in.
 */
export function useColumnLeads(column: BoardColumn, filters: LeadFilters) {
  const more = useInfiniteQuery(columnQueryOptions(filters, column.stage.id, column.nextCursor));
  const extra = more.data?.pages.flatMap((page) => page.items) ?? [];
  const seen = new Set(column.leads.map((lead) => lead.id));
  const leads = [...column.leads, ...extra.filter((lead) => !seen.has(lead.id))].sort(byScore);
  const hasMore = more.data ? more.hasNextPage : column.nextCursor != null;

  const sentinel = useRef<HTMLDivElement>(null);
  const { fetchNextPage, isFetching } = more;
  useEffect(() => {
    const node = sentinel.current;
    if (!node || !hasMore || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting) && !isFetching) void fetchNextPage();
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasMore, isFetching, fetchNextPage]);

  return { leads, hasMore, isFetching, fetchNextPage: () => void fetchNextPage(), sentinel };
}
