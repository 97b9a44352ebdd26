import { ActionIcon, Box, Button, Drawer, Group, Loader, Select, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@buildcrm/web-shared/components/ErrorAlert';
import type { Lead, PackField } from '../../../lib/api/types';
import { usePhone } from '../../../lib/usePhone';
import { handOff, leadQueryOptions, patchLead, useLeadMutation } from '../api/lead';
import { HandlerBadge, isAiLed, leadTitle, NoReplyTimer, StageBadge, TemperatureScore } from './LeadBadges';
import { useCurrentUser } from '../../me/hooks/useCurrentUser';
import { usersQueryOptions } from '../../settings/api/users';
import { MoveStageSheet } from '../../stages/components/MoveStageSheet';
import { packQueryOptions } from '../api/pack';
import { ChatView } from './ChatView';
import { SummaryCard } from './SummaryCard';
import { Composer } from './Composer';
import { LeadDataForm } from './LeadDataForm';
import { LeadHistory } from './LeadHistory';
import { LeadTasks } from './LeadTasks';
import { NextActionLine } from './NextActionLine';
import { leadTasksQueryOptions } from '../api/tasks';
import { LEAD_PAGE_HEIGHT } from './leadPageHeight';

type Tab = 'chat' | 'tasks' | 'data' | 'history';

/** Tap targets on the lead screen: 44 px (Apple HIG, WCAG 2.5.5). */
const TARGET = 44;

function useAssigneeOptions(lead: Lead) {
  const { me, canManage } = useCurrentUser();
  const users = useQuery(usersQueryOptions(canManage));
  const options = canManage
    ? (users.data ?? [])
        .filter((user) => user.status.toLowerCase() !== 'disabled')
        .map((user) => ({ value: String(user.id), label: user.name }))
    : me
      ? [{ value: String(me.id), label: me.name }]
      : [];
  if (lead.assignee && !options.some((option) => option.value === String(lead.assignee?.id))) {
    options.push({ value: String(lead.assignee.id), label: lead.assignee.name });
  }
  return options;
}

/** Take over from the AI or give the conversation back: one button whose label says what it will do. */
function HandOffButton({ lead, fullWidth = false }: { lead: Lead; fullWidth?: boolean }) {
  const { t } = useTranslation();
  const handoff = useLeadMutation((to: 'human' | 'ai') => handOff(lead.id, to));
  const aiLeads = isAiLed(lead);
  return (
    <>
      {handoff.isError && <ErrorAlert error={handoff.error} title={t('lead.actionFailed')} />}
      <Button
        mih={TARGET}
        fullWidth={fullWidth}
        color={aiLeads ? 'teal' : 'violet'}
        variant={aiLeads ? 'filled' : 'light'}
        loading={handoff.isPending}
        onClick={() => handoff.mutate(aiLeads ? 'human' : 'ai')}
      >
        {aiLeads ? t('lead.takeOver') : t('lead.returnToAi')}
      </Button>
    </>
  );
}

/**
 * Quick actions: stage, assignee, a task, the lead's data. A bottom sheet on the phone, a row under the header on a
 * desktop. Every action changes the cached lead in place: the screen is never replaced by a loader, so the chat keeps
 * its scroll position.
 */
function QuickActions({
  lead,
  layout,
  onMoveStage,
  onAddTask,
  onEditData,
}: {
  lead: Lead;
  layout: 'sheet' | 'row';
  onMoveStage: () => void;
  onAddTask: () => void;
  onEditData: () => void;
}) {
  const { t } = useTranslation();
  const assignees = useAssigneeOptions(lead);
  const assign = useLeadMutation((assigneeId: number) => patchLead(lead.id, { assigneeId }));
  const sheet = layout === 'sheet';
  const size = sheet ? 'md' : 'sm';
  const error = assign.error;

  // the board's safe move (confirm for WON/LOST, Undo toast) through its stage sheet
  const stage = (
    <Stack gap={2}>
      <Text size={size} fw={500} id={`lead-stage-label-${lead.id}`}>
        {t('leads.stage')}
      </Text>
      <Button
        variant="default"
        mih={TARGET}
        size={size}
        justify="space-between"
        rightSection="›"
        onClick={onMoveStage}
        aria-label={`${t('leads.stage')}: ${lead.stage.name}`}
        data-testid="lead-move-stage"
      >
        {lead.stage.name}
      </Button>
    </Stack>
  );
  const assignee = (
    <Select
      size={size}
      label={t('leads.assignee')}
      clearable
      placeholder={t('leads.assigneeNone')}
      value={lead.assignee ? String(lead.assignee.id) : null}
      data={assignees}
      onChange={(value) => assign.mutate(value ? Number(value) : 0)}
      disabled={assign.isPending}
    />
  );
  const more = (
    <>
      <Button variant="default" mih={TARGET} onClick={onAddTask}>
        {t('lead.addTask')}
      </Button>
      <Button variant="default" mih={TARGET} onClick={onEditData}>
        {t('lead.editData')}
      </Button>
    </>
  );

  return (
    <Stack gap="xs" data-testid="lead-actions">
      {error != null && <ErrorAlert error={error} title={t('lead.actionFailed')} />}
      {sheet ? (
        <>
          <HandOffButton lead={lead} fullWidth />
          {stage}
          {assignee}
          {more}
        </>
      ) : (
        <Group gap="xs" align="end" wrap="nowrap">
          <Box style={{ flex: 1, minWidth: 0 }}>{stage}</Box>
          <Box style={{ flex: 1, minWidth: 0 }}>{assignee}</Box>
          {more}
        </Group>
      )}
    </Stack>
  );
}

function LeadData({ lead, schema, startEditing }: { lead: Lead; schema: PackField[] | null; startEditing: boolean }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(startEditing);
  if (editing) return <LeadDataForm lead={lead} schema={schema} onDone={() => setEditing(false)} />;
  const keys = schema ? schema.map((field) => field.key) : Object.keys(lead.fields);
  const label = (key: string) => {
    const field = schema?.find((item) => item.key === key);
    return (field && (i18n.language === 'en' ? field.labelEn : field.labelRu)) || key;
  };
  const show = (value: unknown) =>
    value === true
      ? t('common.yes')
      : value === false
        ? t('common.no')
        : value == null || value === ''
          ? '—'
          : String(value);
  // where a value came from, said quietly under it (issue 16)
  const source = (key: string, present: boolean) => {
    const from = lead.fieldSources?.[key];
    if (!from || !present) return null;
    return (
      <Text size="xs" c="gray.7" data-testid={`source-${key}`}>
        {t(`lead.source.${from}`)}
      </Text>
    );
  };
  return (
    <Stack gap="xs">
      <Table variant="vertical" withRowBorders={false} data-testid="lead-fields">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={180}>{t('lead.name')}</Table.Th>
            <Table.Td>
              {lead.name ?? '—'}
              {source('name', lead.name != null)}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('lead.phone')}</Table.Th>
            <Table.Td>{lead.phone}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('leads.city')}</Table.Th>
            <Table.Td>
              {lead.city ?? '—'}
              {source('city', lead.city != null)}
            </Table.Td>
          </Table.Tr>
          {keys
            .filter((key) => key !== 'name' && key !== 'city')
            .map((key) => (
              <Table.Tr key={key}>
                <Table.Th>{label(key)}</Table.Th>
                <Table.Td>
                  {show(lead.fields[key])}
                  {source(key, lead.fields[key] != null && lead.fields[key] !== '')}
                </Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button variant="light" mih={TARGET} onClick={() => setEditing(true)}>
          {t('lead.edit')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The compact header that stays while the chat scrolls: back, who, how to reach them, where they stand. */
function LeadHeader({
  lead,
  phone,
  onClose,
  onActions,
}: {
  lead: Lead;
  phone: boolean;
  onClose: () => void;
  onActions: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} data-testid="lead-header" style={{ flex: 'none' }}>
      <Group gap={4} wrap="nowrap" align="center">
        {phone && (
          <ActionIcon variant="subtle" size={TARGET} onClick={onClose} aria-label={t('common.back')}>
            ←
          </ActionIcon>
        )}
        <Box style={{ flex: 1, minWidth: 0 }}>
          <Title order={4} lineClamp={1} data-testid="lead-name">
            {leadTitle(lead)}
          </Title>
          <Text size="sm" c="dimmed" truncate>
            {lead.phone}
            {lead.city ? ` · ${lead.city}` : ''}
          </Text>
        </Box>
        <ActionIcon
          component="a"
          href={`tel:${lead.phone}`}
          variant="light"
          color="green"
          size={TARGET}
          aria-label={t('lead.call')}
          data-testid="lead-call"
        >
          📞
        </ActionIcon>
        {phone ? (
          <ActionIcon
            variant="default"
            size={TARGET}
            onClick={onActions}
            aria-label={t('lead.actions')}
            data-testid="lead-actions-open"
          >
            ⋯
          </ActionIcon>
        ) : (
          <ActionIcon variant="subtle" color="gray" size={TARGET} onClick={onClose} aria-label={t('common.close')}>
            ✕
          </ActionIcon>
        )}
      </Group>
      <Group gap={6} wrap="wrap">
        <TemperatureScore lead={lead} />
        <StageBadge name={lead.stage.name} />
        <HandlerBadge lead={lead} />
        <NoReplyTimer lead={lead} />
      </Group>
      <NextActionLine action={lead.nextAction} compact />
    </Stack>
  );
}

const FILL: CSSProperties = { flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' };

/**
 * The lead screen, built like a messenger: a compact pinned header, the chat (the only thing that scrolls) opening
 * at the newest message, the composer pinned under it; quick actions in a sheet (phone) or a row (desktop); tasks,
 * data and history in tabs. `height` is the screen's height: its own page on the phone by default, `100%` inside a
 * panel that has a height.
 */
export function LeadCard({
  leadId,
  onClose,
  initialTab = 'chat',
  height = LEAD_PAGE_HEIGHT,
}: {
  leadId: number;
  onClose: () => void;
  initialTab?: Tab;
  height?: string;
}) {
  const { t } = useTranslation();
  const phone = usePhone();
  const lead = useQuery(leadQueryOptions(leadId));
  const pack = useQuery(packQueryOptions());
  const tasks = useQuery(leadTasksQueryOptions(leadId));
  const openTasks = tasks.data?.filter((task) => !task.done).length ?? 0;
  const [tab, setTab] = useState<Tab>(initialTab);
  const [sheet, setSheet] = useState(false);
  const [stageSheet, setStageSheet] = useState(false);
  // bumped to open the task form or the data form from the quick actions (remounts only that tab's content)
  const [taskForm, setTaskForm] = useState(0);
  const [dataForm, setDataForm] = useState(0);

  // only the first load shows a loader: a refetch after an action keeps the screen (and the chat's scroll) in place
  if (lead.isPending) return <Loader aria-label={t('common.loading')} />;
  if (lead.isError) return <ErrorAlert error={lead.error} title={t('lead.loadFailed')} />;
  const data = lead.data;

  const moveStage = () => {
    setSheet(false);
    setStageSheet(true);
  };
  const addTask = () => {
    setSheet(false);
    setTaskForm((n) => n + 1);
    setTab('tasks');
  };
  const editData = () => {
    setSheet(false);
    setDataForm((n) => n + 1);
    setTab('data');
  };

  return (
    <Stack gap="xs" data-testid="lead-card" data-lead-id={data.id} h={height} style={{ overflow: 'hidden' }}>
      <LeadHeader lead={data} phone={phone} onClose={onClose} onActions={() => setSheet(true)} />
      {!phone && (
        <QuickActions lead={data} layout="row" onMoveStage={moveStage} onAddTask={addTask} onEditData={editData} />
      )}
      <Tabs
        value={tab}
        onChange={(value) => value && setTab(value as Tab)}
        keepMounted={false}
        style={FILL}
        styles={{ panel: FILL }}
      >
        <Tabs.List style={{ flex: 'none', flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
          <Tabs.Tab value="chat" mih={TARGET}>
            {t('lead.tabs.chat')}
          </Tabs.Tab>
          <Tabs.Tab value="tasks" mih={TARGET}>
            {openTasks > 0 ? t('lead.tabs.tasksCount', { count: openTasks }) : t('lead.tabs.tasks')}
          </Tabs.Tab>
          <Tabs.Tab value="data" mih={TARGET}>
            {t('lead.tabs.data')}
          </Tabs.Tab>
          <Tabs.Tab value="history" mih={TARGET}>
            {t('lead.tabs.history')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="chat" pt="xs">
          <SummaryCard lead={data} />
          <ChatView leadId={data.id} />
          <Group
            gap="xs"
            justify="space-between"
            wrap="nowrap"
            pt="xs"
            style={{ flex: 'none' }}
            data-testid="handoff-bar"
          >
            <Text size="sm" c="dimmed" lineClamp={1}>
              {isAiLed(data) ? t('lead.aiAnswers') : t('lead.youAnswer')}
            </Text>
            <HandOffButton lead={data} />
          </Group>
          <Box pt="xs" style={{ flex: 'none' }}>
            <Composer leadId={data.id} />
          </Box>
        </Tabs.Panel>
        <Tabs.Panel value="tasks" pt="sm" style={{ overflowY: 'auto' }}>
          <LeadTasks key={taskForm} leadId={data.id} startAdding={taskForm > 0} />
        </Tabs.Panel>
        <Tabs.Panel value="data" pt="sm" style={{ overflowY: 'auto' }}>
          <LeadData key={dataForm} lead={data} schema={pack.data?.fields ?? null} startEditing={dataForm > 0} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="sm" style={{ overflowY: 'auto' }}>
          <LeadHistory leadId={data.id} />
        </Tabs.Panel>
      </Tabs>
      {phone && (
        <Drawer
          opened={sheet}
          onClose={() => setSheet(false)}
          position="bottom"
          size="auto"
          title={t('lead.actions')}
          data-testid="lead-actions-sheet"
          styles={{ body: { paddingBottom: 'calc(var(--mantine-spacing-md) + env(safe-area-inset-bottom, 0px))' } }}
        >
          <QuickActions lead={data} layout="sheet" onMoveStage={moveStage} onAddTask={addTask} onEditData={editData} />
        </Drawer>
      )}
      <MoveStageSheet lead={data} opened={stageSheet} onClose={() => setStageSheet(false)} />
    </Stack>
  );
}
