import {
  DndContext,
  pointerWithin,
  rectIntersection,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { Badge, Box, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@buildcrm/web-shared/components/ErrorAlert';
import type { BoardColumn, Lead } from '../../../lib/api/types';
import { patchLead } from '../../lead/api/lead';
import { boardQueryOptions, columnQueryOptions, leadKeys } from '../api/leads';
import type { LeadFilters } from '../api/filters';
import { LeadTile } from './LeadTile';

/**
 * The keyboard picks a card up only on its drag handle itself (Space or Enter, then arrows, then Space): Enter on the
 * lead's link inside the card opens the lead, as a link should, instead of starting a drag.
 */
class HandleKeyboardSensor extends KeyboardSensor {
  static override activators: typeof KeyboardSensor.activators = KeyboardSensor.activators.map((activator) => ({
    ...activator,
    handler: (event, options, context) =>
      event.target === event.currentTarget && activator.handler(event, options, context),
  }));
}

/** The column under the finger or pointer wins; a wide card overlapping two columns does not decide. */
const collision: CollisionDetection = (args) => {
  const under = pointerWithin(args);
  return under.length > 0 ? under : rectIntersection(args);
};

/** Cards are sorted by score, highest first, whatever order the pages arrived in. */
function byScore(a: Lead, b: Lead) {
  return b.score - a.score || a.id - b.id;
}

function DraggableLead({ lead, leadHref }: { lead: Lead; leadHref: (id: number) => string }) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: `lead-${lead.id}`, data: { lead } });
  return (
    <Box
      ref={setNodeRef}
      {...listeners}
      {...attributes}
      style={{ opacity: isDragging ? 0.4 : 1, touchAction: 'manipulation', cursor: 'grab' }}
      data-dragging={isDragging || undefined}
    >
      <LeadTile lead={lead} to={leadHref(lead.id)} showStage={false} />
    </Box>
  );
}

function Column({
  column,
  filters,
  leadHref,
}: {
  column: BoardColumn;
  filters: LeadFilters;
  leadHref: (id: number) => string;
}) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: `stage-${column.stage.id}`, data: { stageId: column.stage.id } });
  const more = useInfiniteQuery(columnQueryOptions(filters, column.stage.id, column.nextCursor));
  const extra = more.data?.pages.flatMap((page) => page.items) ?? [];
  const seen = new Set(column.leads.map((lead) => lead.id));
  const leads = [...column.leads, ...extra.filter((lead) => !seen.has(lead.id))].sort(byScore);
  const hasMore = more.data ? more.hasNextPage : column.nextCursor != null;

  // Infinite scroll: the next page loads when the end of the column comes into view.
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

  return (
    <Paper
      ref={setNodeRef}
      withBorder
      radius="md"
      p="xs"
      bg={isOver ? 'blue.0' : 'gray.0'}
      data-testid="board-column"
      data-stage-id={column.stage.id}
      aria-label={column.stage.name}
      style={{
        flex: '0 0 var(--column-width)',
        width: 'var(--column-width)',
        scrollSnapAlign: 'start',
        borderTop: `3px solid ${column.stage.color ?? 'var(--mantine-color-gray-4)'}`,
        display: 'flex',
        flexDirection: 'column',
        maxHeight: '100%',
      }}
    >
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Text fw={700} size="sm" truncate="end">
          {column.stage.name}
        </Text>
        <Badge variant="light" color="gray" data-testid="column-count">
          {column.count}
        </Badge>
      </Group>
      <Stack gap="xs" style={{ overflowY: 'auto', flex: 1, minHeight: 80 }}>
        {leads.map((lead) => (
          <DraggableLead key={lead.id} lead={lead} leadHref={leadHref} />
        ))}
        {leads.length === 0 && (
          <Text size="xs" c="dimmed" ta="center" py="md">
            {t('board.emptyColumn')}
          </Text>
        )}
        {hasMore && (
          <div ref={sentinel}>
            <Button variant="subtle" size="xs" fullWidth loading={isFetching} onClick={() => void fetchNextPage()}>
              {t('board.more')}
            </Button>
          </div>
        )}
      </Stack>
    </Paper>
  );
}

/** Moves the lead between the cached columns at once; the server's answer (or a refetch) settles it. */
function moveInBoard(columns: BoardColumn[], lead: Lead, toStageId: number): BoardColumn[] {
  const target = columns.find((column) => column.stage.id === toStageId);
  if (!target) return columns;
  return columns.map((column) => {
    const without = column.leads.filter((item) => item.id !== lead.id);
    const removed = without.length !== column.leads.length;
    if (column.stage.id === toStageId) {
      const moved: Lead = { ...lead, stage: { id: target.stage.id, name: target.stage.name, role: target.stage.role } };
      return { ...column, leads: [...without, moved].sort(byScore), count: column.count + (removed ? 0 : 1) };
    }
    return removed ? { ...column, leads: without, count: Math.max(0, column.count - 1) } : column;
  });
}

export function KanbanBoard({ filters, leadHref }: { filters: LeadFilters; leadHref: (id: number) => string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const board = useQuery(boardQueryOptions(filters));
  const [dragged, setDragged] = useState<Lead | null>(null);

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    // A long press starts a drag on phones, so a swipe still scrolls the columns.
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(HandleKeyboardSensor),
  );

  const move = useMutation({
    mutationFn: ({ lead, stageId }: { lead: Lead; stageId: number }) => patchLead(lead.id, { stageId }),
    onMutate: async ({ lead, stageId }) => {
      const key = leadKeys.board(filters);
      await client.cancelQueries({ queryKey: key });
      const before = client.getQueryData<BoardColumn[]>(key);
      if (before) client.setQueryData(key, moveInBoard(before, lead, stageId));
      return { before };
    },
    onError: (_error, _vars, context) => {
      if (context?.before) client.setQueryData(leadKeys.board(filters), context.before);
    },
    onSettled: (lead) => {
      if (lead) client.setQueryData(leadKeys.one(lead.id), lead);
      void client.invalidateQueries({ queryKey: leadKeys.all });
    },
  });

  function onDragStart(event: DragStartEvent) {
    const lead = (event.active.data.current as { lead?: Lead } | undefined)?.lead;
    setDragged(lead ?? null);
  }

  function onDragEnd(event: DragEndEvent) {
    setDragged(null);
    const lead = (event.active.data.current as { lead?: Lead } | undefined)?.lead;
    const stageId = (event.over?.data.current as { stageId?: number } | undefined)?.stageId;
    if (!lead || stageId === undefined || stageId === lead.stage.id) return;
    move.mutate({ lead, stageId });
  }

  if (board.isPending) return <Loader aria-label={t('common.loading')} />;
  if (board.isError) return <ErrorAlert error={board.error} title={t('board.loadFailed')} />;

  return (
    <Stack gap="xs" style={{ height: '100%' }}>
      {move.isError && <ErrorAlert error={move.error} title={t('board.moveFailed')} />}
      <DndContext
        sensors={sensors}
        collisionDetection={collision}
        autoScroll={{ threshold: { x: 0.1, y: 0.1 } }}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragged(null)}
      >
        <Box
          data-testid="board"
          style={{
            display: 'flex',
            gap: 'var(--mantine-spacing-sm)',
            overflowX: 'auto',
            scrollSnapType: 'x mandatory',
            height: 'calc(100dvh - 180px)',
            paddingBottom: 8,
            ['--column-width' as string]: 'min(85vw, 290px)',
          }}
        >
          {board.data.map((column) => (
            <Column key={column.stage.id} column={column} filters={filters} leadHref={leadHref} />
          ))}
        </Box>
        <DragOverlay>{dragged ? <LeadTile lead={dragged} to="#" showStage={false} /> : null}</DragOverlay>
      </DndContext>
    </Stack>
  );
}
