import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '@buildcrm/web-shared/lib/describeError';
import { ApiError } from '@buildcrm/web-shared/lib/errors';
import type { LeadTask, NewTaskBody } from '../../../lib/api/types';
import { formatDateTime, isoToZonedLocal, useNow, zonedLocalToIso } from '../../../lib/time';
import { useCurrentUser } from '../../me/hooks/useCurrentUser';
import { usersQueryOptions } from '../../settings/api/users';
import { createTask, deleteTask, leadTasksQueryOptions, sortTasks, updateTask, useTaskMutation } from '../api/tasks';

type T = ReturnType<typeof useTranslation>['t'];

/** A refused task in words: the server's field errors mapped to Russian/English sentences, else its message. */
export function taskProblem(error: unknown, t: T): string {
  if (error instanceof ApiError && error.status === 400) {
    const fields = (error.problem.errors ?? []).map((problem) => problem.field);
    const text = [
      fields.some((field) => /due/i.test(field)) && t('tasks.errors.dueAtPast'),
      fields.some((field) => /assignee/i.test(field)) && t('tasks.errors.assignee'),
      fields.some((field) => /title/i.test(field)) && t('tasks.errors.title'),
    ].filter(Boolean);
    if (text.length > 0) return text.join(' ');
  }
  return describeError(error, t);
}

function ProblemLine({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert" p="xs" data-testid="task-error">
      {taskProblem(error, t)}
    </Alert>
  );
}

interface Draft {
  title: string;
  due: string;
  assigneeId: string | null;
}

function useAssigneeOptions(current: LeadTask['assignee'] | null) {
  const { me, canManage } = useCurrentUser();
  const users = useQuery(usersQueryOptions(canManage));
  const options = canManage
    ? (users.data ?? [])
        .filter((user) => user.status.toLowerCase() !== 'disabled')
        .map((user) => ({ value: String(user.id), label: user.name }))
    : me
      ? [{ value: String(me.id), label: me.name }]
      : [];
  if (current && !options.some((option) => option.value === String(current.id))) {
    options.push({ value: String(current.id), label: current.name });
  }
  return options;
}

function TaskForm({
  initial,
  current,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  initial: Draft;
  current: LeadTask['assignee'] | null;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (draft: Draft) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const assignees = useAssigneeOptions(current);
  return (
    <form
      data-testid="task-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (draft.title.trim() === '') return;
        onSubmit(draft);
      }}
    >
      <Stack gap="xs">
        <TextInput
          label={t('tasks.taskTitle')}
          placeholder={t('tasks.titlePlaceholder')}
          required
          value={draft.title}
          onChange={(event) => setDraft({ ...draft, title: event.currentTarget.value })}
        />
        <Group gap="xs" grow align="start" wrap="wrap">
          <TextInput
            type="datetime-local"
            label={t('tasks.due')}
            description={t('tasks.dueHint')}
            value={draft.due}
            onChange={(event) => setDraft({ ...draft, due: event.currentTarget.value })}
            miw={200}
          />
          <Select
            label={t('tasks.assignee')}
            placeholder={t('leads.assigneeNone')}
            clearable
            data={assignees}
            value={draft.assigneeId}
            onChange={(value) => setDraft({ ...draft, assigneeId: value })}
            miw={160}
          />
        </Group>
        <ProblemLine error={error} />
        <Group gap="xs">
          <Button type="submit" loading={pending} disabled={draft.title.trim() === ''}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

function TaskRow({ task }: { task: LeadTask }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useCurrentUser();
  const now = useNow();
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm'>('view');
  const toggle = useTaskMutation(task.leadId, (done: boolean) => updateTask(task.id, { done }));
  const edit = useTaskMutation(task.leadId, (draft: Draft) =>
    updateTask(task.id, {
      title: draft.title.trim(),
      dueAt: zonedLocalToIso(draft.due, timeZone),
      assigneeId: draft.assigneeId === null ? null : Number(draft.assigneeId),
    }),
  );
  const remove = useTaskMutation(task.leadId, () => deleteTask(task.id));
  const overdue = !task.done && task.dueAt !== null && new Date(task.dueAt).getTime() < now;

  if (mode === 'edit') {
    return (
      <Paper withBorder p="xs" radius="md" data-testid="task" data-task-id={task.id}>
        <TaskForm
          initial={{
            title: task.title,
            due: task.dueAt ? isoToZonedLocal(task.dueAt, timeZone) : '',
            assigneeId: task.assignee ? String(task.assignee.id) : null,
          }}
          current={task.assignee}
          submitLabel={t('common.save')}
          pending={edit.isPending}
          error={edit.error}
          onSubmit={(draft) => edit.mutate(draft, { onSuccess: () => setMode('view') })}
          onCancel={() => setMode('view')}
        />
      </Paper>
    );
  }

  return (
    <Paper
      withBorder
      p="xs"
      radius="md"
      data-testid="task"
      data-task-id={task.id}
      data-done={task.done || undefined}
      data-overdue={overdue || undefined}
      style={overdue ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}
    >
      <Stack gap={4}>
        <Group gap="xs" wrap="nowrap" align="start">
          <Checkbox
            size="md"
            mt={2}
            checked={task.done}
            disabled={toggle.isPending}
            onChange={(event) => toggle.mutate(event.currentTarget.checked)}
            aria-label={task.done ? t('tasks.markUndone') : t('tasks.markDone')}
            styles={{ body: { minWidth: 44, minHeight: 44, alignItems: 'center', justifyContent: 'center' } }}
          />
          <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
            <Group gap={6} wrap="wrap">
              <Text fw={600} td={task.done ? 'line-through' : undefined} c={task.done ? 'dimmed' : undefined}>
                {task.kind === 'CALL' ? '📞 ' : ''}
                {task.title}
              </Text>
              {task.source === 'AI' && (
                <Badge size="xs" color="violet" variant="light" data-testid="task-ai">
                  {t('tasks.byAi')}
                </Badge>
              )}
            </Group>
            <Text size="sm" c={overdue ? 'red' : 'dimmed'} fw={overdue ? 600 : undefined} data-testid="task-due">
              {task.dueAt
                ? `${overdue ? `${t('tasks.overdue')} · ` : ''}${formatDateTime(task.dueAt, timeZone, i18n.language)}`
                : t('tasks.asap')}
              {task.assignee ? ` · ${task.assignee.name}` : ''}
            </Text>
            {task.dueText && (
              <Text size="sm" fs="italic" data-testid="task-due-text">
                {t('tasks.clientAsked', { text: task.dueText })}
              </Text>
            )}
            {task.note && <Text size="sm">{task.note}</Text>}
          </Stack>
        </Group>
        <ProblemLine error={toggle.error ?? remove.error} />
        {mode === 'confirm' ? (
          <Group gap="xs" justify="flex-end">
            <Text size="sm">{t('tasks.confirmDelete')}</Text>
            <Button color="red" size="sm" loading={remove.isPending} onClick={() => remove.mutate(undefined)}>
              {t('tasks.confirmYes')}
            </Button>
            <Button variant="default" size="sm" onClick={() => setMode('view')}>
              {t('common.cancel')}
            </Button>
          </Group>
        ) : (
          <Group gap="xs" justify="flex-end">
            <Button variant="subtle" size="sm" onClick={() => setMode('edit')}>
              {t('tasks.edit')}
            </Button>
            <Button variant="subtle" color="red" size="sm" onClick={() => setMode('confirm')}>
              {t('common.delete')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** The lead's tasks and reminders: open ones first, overdue in red, the AI's call task marked. */
export function LeadTasks({ leadId, startAdding = false }: { leadId: number; startAdding?: boolean }) {
  const { t } = useTranslation();
  const { timeZone } = useCurrentUser();
  const tasks = useQuery(leadTasksQueryOptions(leadId));
  const [adding, setAdding] = useState(startAdding);
  const [formKey, setFormKey] = useState(0);
  const create = useTaskMutation(leadId, (body: NewTaskBody) => createTask(leadId, body));

  return (
    <Stack gap="xs" data-testid="lead-tasks">
      <Group justify="space-between">
        <Title order={5}>{t('tasks.title')}</Title>
        {!adding && (
          <Button size="sm" variant="light" onClick={() => setAdding(true)}>
            {t('tasks.add')}
          </Button>
        )}
      </Group>
      {adding && (
        <Paper withBorder p="xs" radius="md">
          <TaskForm
            key={formKey}
            initial={{ title: '', due: '', assigneeId: null }}
            current={null}
            submitLabel={t('tasks.create')}
            pending={create.isPending}
            error={create.error}
            onSubmit={(draft) =>
              create.mutate(
                {
                  title: draft.title.trim(),
                  dueAt: zonedLocalToIso(draft.due, timeZone),
                  ...(draft.assigneeId !== null ? { assigneeId: Number(draft.assigneeId) } : {}),
                },
                {
                  onSuccess: () => {
                    setAdding(false);
                    setFormKey((key) => key + 1);
                    create.reset();
                  },
                },
              )
            }
            onCancel={() => {
              setAdding(false);
              create.reset();
            }}
          />
        </Paper>
      )}
      {tasks.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      {tasks.isError && <ProblemLine error={tasks.error} />}
      {tasks.data?.length === 0 && !adding && (
        <Text size="sm" c="dimmed">
          {t('tasks.empty')}
        </Text>
      )}
      {tasks.data && sortTasks(tasks.data).map((task) => <TaskRow key={task.id} task={task} />)}
    </Stack>
  );
}
