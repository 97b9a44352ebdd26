import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  NumberInput,
  Paper,
  Radio,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@buildcrm/web-shared/components/ErrorAlert';
import { describeProblem } from '@buildcrm/web-shared/lib/problems';
import i18next from 'i18next';
import { ApiError } from '@buildcrm/web-shared/lib/errors';
import type {
  AssignmentMode,
  AssignmentMoment,
  AssignmentSettings as Settings,
  CrmSettings,
} from '../../../lib/api/types';
import { assignmentQueryOptions, useSaveAssignment } from '../api/assignment';
import { crmSettingsQueryOptions, usersQueryOptions, useUpdateCrmSettings } from '../api/users';

const MODES: AssignmentMode[] = ['MANUAL', 'ROUND_ROBIN', 'LEAST_LOADED'];
const MOMENTS: AssignmentMoment[] = ['CALL_REQUESTED', 'HANDOFF', 'CREATED'];
const ROW = { body: { minHeight: 44, alignItems: 'center' } };

function problemText(error: unknown, t: ReturnType<typeof useTranslation>['t']): string {
  if (error instanceof ApiError && error.status === 400) {
    const fields = (error.problem.errors ?? []).map((problem) => problem.field);
    if (fields.some((field) => /rotation/i.test(field))) return t('settings.assignment.errors.rotation');
    if (fields.some((field) => /reassign/i.test(field))) return t('settings.assignment.errors.reassign');
  }
  return describeProblem(error, t, i18next.language);
}

function AssignmentForm({ initial }: { initial: Settings }) {
  const { t } = useTranslation();
  const users = useQuery(usersQueryOptions());
  const save = useSaveAssignment();
  const [draft, setDraft] = useState<Settings>(initial);
  const active = (users.data ?? []).filter((user) => user.status.toLowerCase() !== 'disabled');
  const reassignOn = draft.reassignAfterMinutes !== null;

  return (
    <form
      data-testid="assignment-settings"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(draft);
      }}
    >
      <Stack gap="md">
        <Radio.Group
          label={t('settings.assignment.mode')}
          value={draft.mode}
          onChange={(value) => setDraft({ ...draft, mode: value as AssignmentMode })}
        >
          <Stack gap={4} mt="xs">
            {MODES.map((mode) => (
              <Radio
                key={mode}
                value={mode}
                label={t(`settings.assignment.modes.${mode}`)}
                description={t(`settings.assignment.modeHints.${mode}`)}
                styles={ROW}
              />
            ))}
          </Stack>
        </Radio.Group>
        {draft.mode !== 'MANUAL' && (
          <>
            <Checkbox.Group
              label={t('settings.assignment.when')}
              value={draft.on}
              onChange={(value) => setDraft({ ...draft, on: value as AssignmentMoment[] })}
            >
              <Stack gap={4} mt="xs">
                {MOMENTS.map((moment) => (
                  <Checkbox
                    key={moment}
                    value={moment}
                    label={t(`settings.assignment.moments.${moment}`)}
                    styles={ROW}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
            <Checkbox.Group
              label={t('settings.assignment.rotation')}
              description={t('settings.assignment.rotationHint')}
              value={draft.rotation.map(String)}
              onChange={(value) => setDraft({ ...draft, rotation: value.map(Number) })}
            >
              <Stack gap={4} mt="xs" data-testid="assignment-rotation">
                {users.isPending && <Loader size="sm" />}
                {active.map((user) => (
                  <Checkbox
                    key={user.id}
                    value={String(user.id)}
                    label={`${user.name} · ${t(`roles.${user.role.toLowerCase() as 'manager'}`)}`}
                    styles={ROW}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
          </>
        )}
        <Stack gap={4}>
          <Switch
            label={t('settings.assignment.reassign')}
            description={t('settings.assignment.reassignHint')}
            checked={reassignOn}
            onChange={(event) => setDraft({ ...draft, reassignAfterMinutes: event.currentTarget.checked ? 30 : null })}
            styles={ROW}
          />
          {reassignOn && (
            <NumberInput
              label={t('settings.assignment.reassignMinutes')}
              min={5}
              max={1440}
              step={5}
              maw={220}
              value={draft.reassignAfterMinutes ?? 30}
              onChange={(value) => setDraft({ ...draft, reassignAfterMinutes: typeof value === 'number' ? value : 30 })}
            />
          )}
        </Stack>
        {save.isError && (
          <Alert color="red" variant="light" role="alert">
            {problemText(save.error, t)}
          </Alert>
        )}
        {save.isSuccess && (
          <Text size="sm" c="green" role="status">
            {t('settings.saved')}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={save.isPending} h={44}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DayForm({ initial }: { initial: CrmSettings }) {
  const { t } = useTranslation();
  const save = useUpdateCrmSettings();
  const [stale, setStale] = useState<number>(initial.staleAfterDays ?? 3);
  const [start, setStart] = useState(initial.workDayStart ?? '09:00');
  const [end, setEnd] = useState(initial.workDayEnd ?? '18:00');
  return (
    <form
      data-testid="day-settings"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ staleAfterDays: stale, workDayStart: start, workDayEnd: end });
      }}
    >
      <Stack gap="sm">
        <Group gap="sm" align="end" wrap="wrap">
          <TextInput
            type="time"
            label={t('settings.day.start')}
            value={start}
            onChange={(event) => setStart(event.currentTarget.value)}
            w={140}
          />
          <TextInput
            type="time"
            label={t('settings.day.end')}
            value={end}
            onChange={(event) => setEnd(event.currentTarget.value)}
            w={140}
          />
        </Group>
        <NumberInput
          label={t('settings.day.staleAfterDays')}
          description={t('settings.day.staleHint')}
          min={1}
          max={90}
          value={stale}
          onChange={(value) => setStale(typeof value === 'number' ? value : 3)}
          maw={320}
        />
        {save.isError && <ErrorAlert error={save.error} />}
        {save.isSuccess && (
          <Text size="sm" c="green" role="status">
            {t('settings.saved')}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={save.isPending} h={44}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** «Распределение лидов» and the working day: who gets a lead, when, and when a lead counts as forgotten. */
export function AssignmentSettings() {
  const { t } = useTranslation();
  const assignment = useQuery(assignmentQueryOptions());
  const settings = useQuery(crmSettingsQueryOptions());
  return (
    <Stack gap="lg" maw={640}>
      <Paper withBorder p="sm" radius="md">
        <Stack gap="sm">
          <Title order={4}>{t('settings.assignment.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('settings.assignment.hint')}
          </Text>
          {assignment.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
          {assignment.isError && <ErrorAlert error={assignment.error} />}
          {assignment.data && <AssignmentForm initial={assignment.data} />}
        </Stack>
      </Paper>
      <Paper withBorder p="sm" radius="md">
        <Stack gap="sm">
          <Title order={4}>{t('settings.day.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('settings.day.hint')}
          </Text>
          {settings.isError && <ErrorAlert error={settings.error} />}
          {settings.data && <DayForm initial={settings.data} />}
        </Stack>
      </Paper>
    </Stack>
  );
}
