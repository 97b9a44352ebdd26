import { ActionIcon, Anchor, Button, Group, Loader, Select, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@buildcrm/web-shared/components/ErrorAlert';
import type { Lead, PackField } from '../../../lib/api/types';
import { handOff, leadQueryOptions, patchLead, useLeadMutation } from '../api/lead';
import { isAiLed, LeadBadges, leadTitle } from './LeadBadges';
import { useCurrentUser } from '../../me/hooks/useCurrentUser';
import { usersQueryOptions } from '../../settings/api/users';
import { stagesQueryOptions } from '../../stages/api/stages';
import { packQueryOptions } from '../api/pack';
import { ChatView } from './ChatView';
import { Composer } from './Composer';
import { LeadDataForm } from './LeadDataForm';
import { LeadHistory } from './LeadHistory';
import { LeadTasks } from './LeadTasks';
import { NextActionLine } from './NextActionLine';
import { leadTasksQueryOptions } from '../api/tasks';

function QuickActions({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const { me, canManage } = useCurrentUser();
  const stages = useQuery(stagesQueryOptions());
  const users = useQuery(usersQueryOptions(canManage));
  const handoff = useLeadMutation((to: 'human' | 'ai') => handOff(lead.id, to));
  const change = useLeadMutation((patch: { stageId?: number; assigneeId?: number }) => patchLead(lead.id, patch));
  const aiLeads = isAiLed(lead);

  const assignees = canManage
    ? (users.data ?? [])
        .filter((user) => user.status !== 'disabled')
        .map((user) => ({ value: String(user.id), label: user.name }))
    : me
      ? [{ value: String(me.id), label: me.name }]
      : [];
  if (lead.assignee && !assignees.some((option) => option.value === String(lead.assignee?.id))) {
    assignees.push({ value: String(lead.assignee.id), label: lead.assignee.name });
  }

  return (
    <Stack gap="xs">
      {(handoff.isError || change.isError) && (
        <ErrorAlert error={handoff.error ?? change.error} title={t('lead.actionFailed')} />
      )}
      <Group gap="xs" wrap="wrap">
        {aiLeads ? (
          <Button size="xs" color="teal" loading={handoff.isPending} onClick={() => handoff.mutate('human')}>
            {t('lead.takeOver')}
          </Button>
        ) : (
          <Button
            size="xs"
            color="violet"
            variant="light"
            loading={handoff.isPending}
            onClick={() => handoff.mutate('ai')}
          >
            {t('lead.returnToAi')}
          </Button>
        )}
        <Button size="xs" variant="default" component="a" href={`tel:${lead.phone}`}>
          📞 {t('lead.call')}
        </Button>
      </Group>
      <Group gap="xs" grow>
        <Select
          size="xs"
          label={t('leads.stage')}
          allowDeselect={false}
          value={String(lead.stage.id)}
          data={(stages.data ?? [lead.stage]).map((stage) => ({ value: String(stage.id), label: stage.name }))}
          onChange={(value) => value && Number(value) !== lead.stage.id && change.mutate({ stageId: Number(value) })}
        />
        <Select
          size="xs"
          label={t('leads.assignee')}
          clearable
          placeholder={t('leads.assigneeNone')}
          value={lead.assignee ? String(lead.assignee.id) : null}
          data={assignees}
          onChange={(value) => change.mutate({ assigneeId: value ? Number(value) : 0 })}
        />
      </Group>
    </Stack>
  );
}

function LeadData({ lead, schema }: { lead: Lead; schema: PackField[] | null }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
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
  return (
    <Stack gap="xs">
      <Table variant="vertical" withRowBorders={false} data-testid="lead-fields">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={180}>{t('lead.phone')}</Table.Th>
            <Table.Td>{lead.phone}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('leads.city')}</Table.Th>
            <Table.Td>{lead.city ?? '—'}</Table.Td>
          </Table.Tr>
          {keys
            .filter((key) => key !== 'name' && key !== 'city')
            .map((key) => (
              <Table.Tr key={key}>
                <Table.Th>{label(key)}</Table.Th>
                <Table.Td>{show(lead.fields[key])}</Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button size="xs" variant="light" onClick={() => setEditing(true)}>
          {t('lead.edit')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Everything about one lead: the WhatsApp chat, quick actions, data and history. */
export function LeadCard({
  leadId,
  onClose,
  initialTab = 'chat',
}: {
  leadId: number;
  onClose: () => void;
  initialTab?: 'chat' | 'tasks' | 'data' | 'history';
}) {
  const { t } = useTranslation();
  const lead = useQuery(leadQueryOptions(leadId));
  const pack = useQuery(packQueryOptions());
  const tasks = useQuery(leadTasksQueryOptions(leadId));
  const openTasks = tasks.data?.filter((task) => !task.done).length ?? 0;

  if (lead.isPending) return <Loader aria-label={t('common.loading')} />;
  if (lead.isError) return <ErrorAlert error={lead.error} title={t('lead.loadFailed')} />;
  const data = lead.data;

  return (
    <Stack gap="sm" data-testid="lead-card" data-lead-id={data.id}>
      <Group justify="space-between" wrap="nowrap" align="start">
        <Group gap="xs" wrap="nowrap">
          <ActionIcon variant="subtle" onClick={onClose} aria-label={t('common.back')} hiddenFrom="sm">
            ←
          </ActionIcon>
          <Stack gap={0}>
            <Title order={4}>{leadTitle(data)}</Title>
            <Anchor href={`tel:${data.phone}`} size="sm">
              {data.phone}
            </Anchor>
            {data.city && (
              <Text size="xs" c="dimmed">
                {data.city}
              </Text>
            )}
          </Stack>
        </Group>
      </Group>
      <LeadBadges lead={data} />
      <NextActionLine action={data.nextAction} />
      <QuickActions lead={data} />
      <Tabs defaultValue={initialTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="chat">{t('lead.tabs.chat')}</Tabs.Tab>
          <Tabs.Tab value="tasks">
            {openTasks > 0 ? t('lead.tabs.tasksCount', { count: openTasks }) : t('lead.tabs.tasks')}
          </Tabs.Tab>
          <Tabs.Tab value="data">{t('lead.tabs.data')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('lead.tabs.history')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="chat" pt="sm">
          <Stack gap="sm">
            <ChatView leadId={data.id} />
            <Composer leadId={data.id} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="tasks" pt="sm">
          <LeadTasks leadId={data.id} />
        </Tabs.Panel>
        <Tabs.Panel value="data" pt="sm">
          <LeadData lead={data} schema={pack.data?.fields ?? null} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="sm">
          <LeadHistory leadId={data.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
