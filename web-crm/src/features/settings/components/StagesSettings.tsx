import { ActionIcon, Badge, Button, ColorInput, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
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
    <Table.Tr data-testid="stage-row">
      <Table.Td>
        <Group gap={2} wrap="nowrap">
          <ActionIcon
            variant="subtle"
            size="sm"
            disabled={index === 0}
            onClick={() => move(-1)}
            aria-label={t('settings.stages.up')}
          >
            ↑
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            size="sm"
            disabled={index === stages.length - 1}
            onClick={() => move(1)}
            aria-label={t('settings.stages.down')}
          >
            ↓
          </ActionIcon>
        </Group>
      </Table.Td>
      <Table.Td>
        <TextInput
          size="xs"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          aria-label={t('settings.stages.name')}
        />
        {error && <ErrorAlert error={error} />}
      </Table.Td>
      <Table.Td>
        <ColorInput size="xs" value={color} onChange={setColor} aria-label={t('settings.stages.color')} w={130} />
      </Table.Td>
      <Table.Td>
        {stage.role ? (
          <Badge variant="light" title={`${t('settings.stages.systemHint')}: ${t(`stageRole.${stage.role}`)}`}>
            🔒 {t('settings.stages.system')}
          </Badge>
        ) : (
          <Text size="xs" c="dimmed">
            {t('settings.stages.custom')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
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
      </Table.Td>
    </Table.Tr>
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
      <Table.ScrollContainer minWidth={560}>
        <Table>
          <Table.Tbody>
            {list.map((stage, index) => (
              <StageRow key={`${stage.id}-${stage.name}-${stage.color}`} stage={stage} index={index} stages={list} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim() === '') return;
          create.mutate({ name: name.trim(), color }, { onSuccess: () => setName('') });
        }}
      >
        <Group gap="xs" align="end">
          <TextInput
            size="xs"
            label={t('settings.stages.newStage')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <ColorInput size="xs" label={t('settings.stages.color')} value={color} onChange={setColor} w={130} />
          <Button size="xs" type="submit" loading={create.isPending}>
            {t('settings.stages.add')}
          </Button>
        </Group>
        {create.isError && <ErrorAlert error={create.error} />}
      </form>
    </Stack>
  );
}
