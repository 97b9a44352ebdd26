import { ActionIcon, Badge, Button, ColorInput, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@buildcrm/web-shared/components/ErrorAlert';
import type { Stage } from '../../../lib/api/types';
import {
  stagesQueryOptions,
  useCreateStage,
  useDeleteStage,
  useReorderStages,
  useUpdateStage,
} from '../../stages/api/stages';

function StageRow({ stage, index, stages }: { stage: Stage; index: number; stages: Stage[] }) {
  const { t } = useTranslation();
  const [name, setName] = useState(stage.name);
  const [color, setColor] = useState(stage.color ?? '');
  const update = useUpdateStage();
  const remove = useDeleteStage();
  const reorder = useReorderStages();
  const dirty = name.trim() !== stage.name || color !== (stage.color ?? '');
  const move = (delta: number) => {
    const ids = stages.map((item) => item.id);
    const [moved] = ids.splice(index, 1);
    if (moved === undefined) return;
    ids.splice(index + delta, 0, moved);
    reorder.mutate(ids);
  };
  const error = update.error ?? remove.error ?? reorder.error;
  return (
    <Paper withBorder p="xs" data-testid="stage-row" component="li">
      <Group gap="xs" wrap="wrap" align="center">
        <Group gap={2} wrap="nowrap">
          <ActionIcon
            variant="subtle"
            disabled={index === 0}
            onClick={() => move(-1)}
            aria-label={t('settings.stages.up')}
          >
            ↑
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            disabled={index === stages.length - 1}
            onClick={() => move(1)}
            aria-label={t('settings.stages.down')}
          >
            ↓
          </ActionIcon>
        </Group>
        <TextInput
          size="xs"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          aria-label={t('settings.stages.name')}
          style={{ flex: '1 1 180px', minWidth: 0 }}
        />
        <ColorInput
          withEyeDropper={false}
          size="xs"
          value={color}
          onChange={setColor}
          aria-label={t('settings.stages.color')}
          style={{ flex: '0 1 130px', minWidth: 110 }}
        />
        {stage.role ? (
          <Badge
            variant="light"
            title={`${t('settings.stages.systemHint')}: ${t(`stageRole.${stage.role}`)}`}
            style={{ flexShrink: 0 }}
          >
            🔒 {t('settings.stages.system')}
          </Badge>
        ) : (
          <Text size="xs" c="dimmed">
            {t('settings.stages.custom')}
          </Text>
        )}
        <Group gap="xs" wrap="nowrap" ml="auto">
          <Button
            size="xs"
            disabled={!dirty || name.trim() === ''}
            loading={update.isPending}
            onClick={() => update.mutate({ id: stage.id, name: name.trim(), color })}
          >
            {t('common.save')}
          </Button>
          {stage.role === null && (
            <Button
              size="xs"
              color="red"
              variant="subtle"
              loading={remove.isPending}
              onClick={() => remove.mutate(stage.id)}
            >
              {t('common.delete')}
            </Button>
          )}
        </Group>
      </Group>
      {error && <ErrorAlert error={error} />}
    </Paper>
  );
}

export function StagesSettings() {
  const { t } = useTranslation();
  const stages = useQuery(stagesQueryOptions());
  const create = useCreateStage();
  const [name, setName] = useState('');
  const [color, setColor] = useState('#228be6');
  if (stages.isError) return <ErrorAlert error={stages.error} />;
  const list = stages.data ?? [];
  return (
    <Stack gap="sm">
      <Title order={4}>{t('settings.stages.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('settings.stages.hint')}
      </Text>
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('settings.stages.title')}>
        {list.map((stage, index) => (
          <StageRow key={`${stage.id}-${stage.name}-${stage.color}`} stage={stage} index={index} stages={list} />
        ))}
      </Stack>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim() === '') return;
          create.mutate({ name: name.trim(), color }, { onSuccess: () => setName('') });
        }}
      >
        <Group gap="xs" align="end" wrap="wrap">
          <TextInput
            size="xs"
            label={t('settings.stages.newStage')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            style={{ flex: '1 1 200px', minWidth: 0 }}
          />
          <ColorInput
            withEyeDropper={false}
            size="xs"
            label={t('settings.stages.color')}
            value={color}
            onChange={setColor}
            style={{ flex: '0 1 130px', minWidth: 110 }}
          />
          <Button size="xs" type="submit" loading={create.isPending}>
            {t('settings.stages.add')}
          </Button>
        </Group>
        {create.isError && <ErrorAlert error={create.error} />}
      </form>
    </Stack>
  );
}
