import { Badge, Button, Group, Loader, Stack, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@buildcrm/web-shared/components/ErrorAlert';
import type { BoardColumn, Lead } from '../../../lib/api/types';
import type { LeadFilters } from '../api/filters';
import { boardQueryOptions } from '../api/leads';
import { useColumnLeads } from '../hooks/useColumnLeads';
import { useMoveSheet } from '../hooks/useMoveSheet';
import { columnCount } from '../lib/columnCount';
import { LeadTile } from './LeadTile';
import { MoveLeadButton } from './MoveLeadButton';

/** The stage a phone shows: the one chosen (in the URL), else the first with leads, else the first. */
export function shownColumn(columns: BoardColumn[], chosen: string): BoardColumn | undefined {
  return (
    columns.find((column) => String(column.stage.id) === chosen) ??
    columns.find((column) => column.count > 0) ??
    columns[0]
  );
}

function StageLeads({
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
  const { t } = useTranslation();
  const { leads, hasMore, isFetching, fetchNextPage, sentinel } = useColumnLeads(column, filters);
  return (
    <Stack gap="xs" data-testid="board-column" data-stage-id={column.stage.id} aria-label={column.stage.name} pt="xs">
      {leads.map((lead) => (
        <LeadTile
          key={lead.id}
          lead={lead}
          to={leadHref(lead.id)}
          showStage={false}
          action={<MoveLeadButton lead={lead} onMove={onMove} />}
        />
      ))}
      {leads.length === 0 && (
        <Text c="dimmed" ta="center" py="xl">
          {t('board.emptyColumn')}
        </Text>
      )}
      {hasMore && (
        <div ref={sentinel}>
          <Button variant="subtle" mih={44} fullWidth loading={isFetching} onClick={fetchNextPage}>
            {t('board.more')}
          </Button>
        </div>
      )}
    </Stack>
  );
}

/**
 * The leads on a phone: a scrollable row of stage tabs with counts (the tenant's stage names) and the chosen stage's
 * cards as a list. No drag on touch: each card's «Переместить» opens the move-to-stage sheet.
 */
export function PhoneBoard({
  filters,
  leadHref,
  onChoose,
}: {
  filters: LeadFilters;
  leadHref: (id: number) => string;
  /** remembers the chosen stage (in the URL) */
  onChoose: (stageId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const board = useQuery(boardQueryOptions(filters));
  const moveSheet = useMoveSheet();
  const tabs = useRef<HTMLDivElement>(null);
  const shown = board.data ? shownColumn(board.data, filters.column) : undefined;
  const value = shown ? String(shown.stage.id) : null;

  // Opened without a choice, the first stage with leads is pinned once it exists, so the list does not jump away
  // under the thumb when its last lead moves on.
  const pin = shown && filters.column === '' && shown.count > 0 ? String(shown.stage.id) : null;
  useEffect(() => {
    if (pin !== null) onChoose(pin);
  }, [pin, onChoose]);

  // the chosen tab is in view, also when it was opened far to the right
  useEffect(() => {
    const tab = tabs.current?.querySelector<HTMLElement>('[data-active]');
    if (tab && typeof tab.scrollIntoView === 'function') tab.scrollIntoView({ block: 'nearest', inline: 'center' });
  }, [value]);

  if (board.isPending) return <Loader aria-label={t('common.loading')} />;
  if (board.isError) return <ErrorAlert error={board.error} title={t('board.loadFailed')} />;

  return (
    <Stack gap={0} data-testid="board" data-layout="phone">
      <Tabs value={value} onChange={(next) => next && onChoose(next)} keepMounted={false} variant="pills">
        <Tabs.List
          ref={tabs}
          aria-label={t('stagePicker.label')}
          data-testid="stage-picker"
          style={{ flexWrap: 'nowrap', overflowX: 'auto', scrollbarWidth: 'none', paddingBottom: 4 }}
        >
          {board.data.map((column) => (
            <Tabs.Tab
              key={column.stage.id}
              value={String(column.stage.id)}
              mih={44}
              style={{ flex: '0 0 auto' }}
              aria-label={t('stagePicker.stageCount', {
                stage: column.stage.name,
                count: columnCount(column, i18n.language),
              })}
              data-testid="stage-tab"
              data-stage-id={column.stage.id}
              rightSection={
                <Badge
                  size="sm"
                  variant={String(column.stage.id) === value ? 'white' : 'light'}
                  color="gray"
                  data-testid="stage-tab-count"
                >
                  {columnCount(column, i18n.language)}
                </Badge>
              }
            >
              <Group gap={6} wrap="nowrap">
                <span
                  aria-hidden
                  style={{
                    width: 8,
                    height: 8,
                    borderRadius: '50%',
                    background: column.stage.color ?? 'var(--mantine-color-gray-4)',
                  }}
                />
                {column.stage.name}
              </Group>
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {board.data.map((column) => (
          <Tabs.Panel key={column.stage.id} value={String(column.stage.id)}>
            <StageLeads column={column} filters={filters} leadHref={leadHref} onMove={moveSheet.open} />
          </Tabs.Panel>
        ))}
      </Tabs>
      {moveSheet.sheet}
    </Stack>
  );
}
