import {
  DndContext,
  pointerWithin,
  rectIntersection,
  DragOverlay,
  MouseSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type AutoScrollOptions,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { Badge, Box, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@buildcrm/web-shared/components/ErrorAlert';
import type { BoardColumn, Lead } from '../../../lib/api/types';
import { useStageMove } from '../../stages/hooks/useStageMove';
import { boardQueryOptions } from '../api/leads';
import type { LeadFilters } from '../api/filters';
import { useColumnLeads } from '../hooks/useColumnLeads';
import { useMoveSheet } from '../hooks/useMoveSheet';
import { columnCount } from '../lib/columnCount';
import { LeadTile } from './LeadTile';
import { MoveLeadButton } from './MoveLeadButton';

/** The column under the pointer wins; a wide card overlapping two columns does not decide. */
const collision: CollisionDetection = (args) => {
  const under = pointerWithin(args);
  return under.length > 0 ? under : rectIntersection(args);
};

/**
 * Slow, capped auto-scroll while dragging (dnd-kit's default scrolls up to 2,000 px/s from a fifth of the board's
 * width, so aiming at a half-visible column raced to the last one): only the outer 6 % of the board scrolls, at
 * most 8 px every 25 ms (~320 px/s, about a column a second).
 */
export const BOARD_AUTO_SCROLL: AutoScrollOptions = {
  threshold: { x: 0.06, y: 0.1 },
  acceleration: 8,
  interval: 25,
};

function DraggableLead({
  lead,
  leadHref,
  onMove,
}: {
  lead: Lead;
  leadHref: (id: number) => string;
  onMove: (lead: Lead) => void;
}) {
  // Mouse drag only. No role/tabindex on the wrapper: it holds the card's link and its «Переместить» button, and a
  // focusable wrapper around them is nested interaction (axe). Keyboard users move a lead with that button's sheet.
  const { listeners, setNodeRef, isDragging } = useDraggable({ id: `lead-${lead.id}`, data: { lead } });
  return (
    <Box
      ref={setNodeRef}
      {...listeners}
      style={{ opacity: isDragging ? 0.4 : 1, cursor: 'grab', borderRadius: 'var(--mantine-radius-md)' }}
      data-dragging={isDragging || undefined}
    >
      <LeadTile
        lead={lead}
        to={leadHref(lead.id)}
        showStage={false}
        action={<MoveLeadButton lead={lead} onMove={onMove} size={32} />}
      />
    </Box>
  );
}

function Column({
  column,
  filters,
  leadHref,
  onMove,
}: {
  column: BoardColumn;
  filters: LeadFilters;
  leadHref: (id: number) => string;
  onMove: (lead: Lead) => void;
}) {
  const { t, i18n } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: `stage-${column.stage.id}`, data: { stageId: column.stage.id } });
  const { leads, hasMore, isFetching, fetchNextPage, sentinel } = useColumnLeads(column, filters);

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
          {columnCount(column, i18n.language)}
        </Badge>
      </Group>
      <Stack gap="xs" style={{ overflowY: 'auto', flex: 1, minHeight: 80 }}>
        {leads.map((lead) => (
          <DraggableLead key={lead.id} lead={lead} leadHref={leadHref} onMove={onMove} />
        ))}
        {leads.length === 0 && (
          <Text size="xs" c="dimmed" ta="center" py="md">
            {t('board.emptyColumn')}
          </Text>
        )}
        {hasMore && (
          <div ref={sentinel}>
            <Button variant="subtle" size="xs" fullWidth loading={isFetching} onClick={fetchNextPage}>
              {t('board.more')}
            </Button>
          </div>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * The desktop board: a column per stage, cards dragged with the mouse (or the keyboard) between them. Every move
 * goes through useStageMove (confirm for WON/LOST, Undo). Phones get PhoneBoard instead: no drag on touch.
 */
export function KanbanBoard({ filters, leadHref }: { filters: LeadFilters; leadHref: (id: number) => string }) {
  const { t } = useTranslation();
  const board = useQuery(boardQueryOptions(filters));
  const [dragged, setDragged] = useState<Lead | null>(null);
  const { move } = useStageMove();
  const moveSheet = useMoveSheet();

  const sensors = useSensors(useSensor(MouseSensor, { activationConstraint: { distance: 6 } }));

  function onDragStart(event: DragStartEvent) {
    const lead = (event.active.data.current as { lead?: Lead } | undefined)?.lead;
    setDragged(lead ?? null);
  }

  function onDragEnd(event: DragEndEvent) {
    setDragged(null);
    const lead = (event.active.data.current as { lead?: Lead } | undefined)?.lead;
    const stageId = (event.over?.data.current as { stageId?: number } | undefined)?.stageId;
    if (!lead || stageId === undefined || stageId === lead.stage.id) return;
    move(lead, stageId);
  }

  if (board.isPending) return <Loader aria-label={t('common.loading')} />;
  if (board.isError) return <ErrorAlert error={board.error} title={t('board.loadFailed')} />;

  return (
    <Stack gap="xs" style={{ height: '100%' }}>
      <DndContext
        sensors={sensors}
        collisionDetection={collision}
        autoScroll={BOARD_AUTO_SCROLL}
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
            height: 'calc(100dvh - 180px)',
            paddingBottom: 8,
            ['--column-width' as string]: '290px',
          }}
        >
          {board.data.map((column) => (
            <Column
              key={column.stage.id}
              column={column}
              filters={filters}
              leadHref={leadHref}
              onMove={moveSheet.open}
            />
          ))}
        </Box>
        <DragOverlay>{dragged ? <LeadTile lead={dragged} to="#" showStage={false} /> : null}</DragOverlay>
      </DndContext>
      {moveSheet.sheet}
    </Stack>
  );
}
