import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Loader,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { WordBadge } from '../../../components/WordBadge';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../../components/ActionError';
import { ApiError } from '@buildcrm/web-shared/lib/errors';
import { zoneLabel } from '@buildcrm/web-shared/lib/zone';
import type { FollowUpPolicy } from '../../../lib/api/types';
import { formatDateTime } from '../../../lib/format';
import { useFollowUps, useFollowUpTimeline, useResetFollowUps, useSaveFollowUps } from '../api/followups';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function FollowUpsPanel({ tenantId }: { tenantId: string }) {
  const { t } = useTranslation();
  const policy = useFollowUps(tenantId);
  if (policy.isPending) return <Loader size="sm" />;
  if (policy.isError) return <ActionError error={policy.error} title={t('followups.loadFailed')} />;
  return (
    <Group align="flex-start" gap="xl">
      <FollowUpsForm tenantId={tenantId} policy={policy.data} />
      <FollowUpTimelinePreview tenantId={tenantId} />
    </Group>
  );
}

type Values = Omit<FollowUpPolicy, 'source' | 'timezone'>;

function valuesOf(p: FollowUpPolicy): Values {
  return {
    quietHours: { from: p.quietHours?.from ?? '21:00', to: p.quietHours?.to ?? '09:00' },
    steps: (p.steps ?? []).map((s) => ({ delayMinutes: s.delayMinutes, text: s.text })),
    capPerSilence: p.capPerSilence ?? 3,
    minSpacingMinutes: p.minSpacingMinutes ?? 0,
    jitterMinutes: p.jitterMinutes ?? 0,
  };
}

export function FollowUpsForm({ tenantId, policy }: { tenantId: string; policy: FollowUpPolicy }) {
  const { t, i18n } = useTranslation();
  const save = useSaveFollowUps(tenantId);
  const reset = useResetFollowUps(tenantId);
  const form = useForm<Values>({
    initialValues: valuesOf(policy),
    validate: {
      quietHours: {
        from: (v) => (HH_MM.test(v) ? null : t('followups.validation.time')),
        to: (v) => (HH_MM.test(v) ? null : t('followups.validation.time')),
      },
      steps: {
        delayMinutes: (v, all, path) => {
          if (!Number.isInteger(v) || v < 1) return t('followups.validation.delay');
          const index = Number(path.split('.')[1]);
          const previous = index > 0 ? all.steps[index - 1] : undefined;
          return previous && v <= previous.delayMinutes ? t('followups.validation.increasing') : null;
        },
        text: (v) => (v.trim() === '' ? t('followups.validation.text') : null),
      },
      capPerSilence: (v) => (Number.isInteger(v) && v >= 0 ? null : t('followups.validation.nonNegative')),
      minSpacingMinutes: (v) => (Number.isInteger(v) && v >= 0 ? null : t('followups.validation.nonNegative')),
      jitterMinutes: (v) => (Number.isInteger(v) && v >= 0 ? null : t('followups.validation.nonNegative')),
    },
  });

  const submit = form.onSubmit((v) =>
    save.mutate(v, {
      onSuccess: (saved) => {
        form.setValues(valuesOf(saved));
        form.resetDirty(valuesOf(saved));
      },
    }),
  );

  return (
    <form
      onSubmit={submit}
      aria-label={t('followups.formLabel')}
      noValidate
      style={{ flex: '1 1 320px', minWidth: 0, maxWidth: '100%' }}
    >
      <Stack>
        <Group justify="space-between">
          <Title order={4}>{t('followups.title')}</Title>
          <Group gap="xs">
            {policy.timezone && <WordBadge variant="outline">{zoneLabel(policy.timezone, i18n.language)}</WordBadge>}
            <WordBadge variant="light" color={policy.source === 'tenant' ? 'blue' : 'gray'}>
              {t(policy.source === 'tenant' ? 'followups.source.tenant' : 'followups.source.pack')}
            </WordBadge>
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {t('followups.hint')}
        </Text>
        <Stack gap="xs" role="list" aria-label={t('followups.steps')}>
          {form.values.steps.map((_, index) => (
            <Paper
              key={index}
              withBorder
              p="sm"
              role="listitem"
              aria-label={t('followups.stepLabel', { number: index + 1 })}
            >
              <Group align="flex-start">
                <NumberInput
                  label={t('followups.delay', { number: index + 1 })}
                  min={1}
                  w={180}
                  allowDecimal={false}
                  {...form.getInputProps(`steps.${index}.delayMinutes`)}
                />
                <Textarea
                  label={t('followups.text', { number: index + 1 })}
                  autosize
                  minRows={2}
                  style={{ flex: 1 }}
                  {...form.getInputProps(`steps.${index}.text`)}
                />
                <ActionIcon
                  mt={26}
                  variant="subtle"
                  color="red"
                  aria-label={t('followups.remove', { number: index + 1 })}
                  onClick={() => form.removeListItem('steps', index)}
                >
                  ✕
                </ActionIcon>
              </Group>
            </Paper>
          ))}
        </Stack>
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() => {
              const last = form.values.steps[form.values.steps.length - 1];
              form.insertListItem('steps', { delayMinutes: last ? last.delayMinutes * 2 : 60, text: '' });
            }}
          >
            {t('followups.add')}
          </Button>
        </Group>
        <Title order={5}>{t('followups.quietHours')}</Title>
        <SimpleGrid cols={2} maw={360}>
          <TextInput type="time" label={t('followups.quietFrom')} {...form.getInputProps('quietHours.from')} />
          <TextInput type="time" label={t('followups.quietTo')} {...form.getInputProps('quietHours.to')} />
        </SimpleGrid>
        <Title order={5}>{t('followups.caps')}</Title>
        <SimpleGrid cols={3}>
          <NumberInput
            label={t('followups.capPerSilence')}
            min={0}
            allowDecimal={false}
            {...form.getInputProps('capPerSilence')}
          />
          <NumberInput
            label={t('followups.minSpacing')}
            min={0}
            allowDecimal={false}
            {...form.getInputProps('minSpacingMinutes')}
          />
          <NumberInput
            label={t('followups.jitter')}
            min={0}
            allowDecimal={false}
            {...form.getInputProps('jitterMinutes')}
          />
        </SimpleGrid>
        {save.isError && (
          <ActionError
            error={save.error}
            title={t('followups.saveFailed')}
            extra={save.error instanceof ApiError ? save.error.problem.errors : []}
          />
        )}
        {reset.isError && <ActionError error={reset.error} />}
        {save.isSuccess && (
          <Alert color="green" variant="light" role="status">
            {t('followups.saved')}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('followups.save')}
          </Button>
          <Button
            variant="default"
            loading={reset.isPending}
            onClick={() => {
              if (!window.confirm(t('followups.resetConfirm'))) return;
              reset.mutate(undefined, {
                onSuccess: (fresh) => {
                  form.setValues(valuesOf(fresh));
                  form.resetDirty(valuesOf(fresh));
                },
              });
            }}
          >
            {t('followups.reset')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** When each saved step would fire for a silence that starts at the chosen moment. */
export function FollowUpTimelinePreview({ tenantId }: { tenantId: string }) {
  const { t, i18n } = useTranslation();
  const [start, setStart] = useState(() => localInputValue(new Date()));
  const armedAt = Number.isNaN(new Date(start).getTime()) ? new Date().toISOString() : new Date(start).toISOString();
  const timeline = useFollowUpTimeline(tenantId, armedAt);

  return (
    <Paper
      withBorder
      p="md"
      w={380}
      maw="100%"
      style={{ flexShrink: 0 }}
      role="region"
      aria-label={t('followups.timeline')}
    >
      <Stack gap="sm">
        <Title order={5}>{t('followups.timeline')}</Title>
        <Text size="xs" c="dimmed">
          {t('followups.timelineHint')}
        </Text>
        <TextInput
          type="datetime-local"
          label={t('followups.armedAt')}
          value={start}
          onChange={(e) => setStart(e.currentTarget.value)}
        />
        {timeline.isPending && <Loader size="xs" />}
        {timeline.isError && <ActionError error={timeline.error} />}
        {timeline.data && (
          <Timeline active={-1} bulletSize={18} lineWidth={2}>
            {timeline.data.steps.map((step) => (
              <Timeline.Item
                key={step.index}
                title={formatDateTime(step.dueAt, i18n.language, timeline.data.timezone)}
                color={step.movedByQuietHours ? 'orange' : 'blue'}
              >
                {step.movedByQuietHours && (
                  <WordBadge size="xs" color="orange" variant="light">
                    {t('followups.moved')}
                  </WordBadge>
                )}
                <Text size="xs" c="dimmed" lineClamp={3}>
                  {step.text}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Stack>
    </Paper>
  );
}
