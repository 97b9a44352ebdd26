import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import {
  ActionIcon,
  Alert,
  Button,
  FileButton,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { WordBadge } from '../../../components/WordBadge';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../../components/ActionError';
import type { GreetingKind, GreetingView } from '../../../lib/api/types';
import { useGreeting, useResetGreeting, useSaveGreeting, useUploadMedia } from '../api/greeting';
import {
  fromView,
  GREETING_KINDS,
  isGreetingKind,
  moveStep,
  newUid,
  toRequest,
  validateSteps,
  type EditableStep,
} from '../model';
import { PhonePreview } from './PhonePreview';

export function GreetingPanel({ tenantId, companyName }: { tenantId: string; companyName: string }) {
  const { t } = useTranslation();
  const greeting = useGreeting(tenantId);
  if (greeting.isPending) return <Loader size="sm" />;
  if (greeting.isError) return <ActionError error={greeting.error} title={t('greeting.loadFailed')} />;
  return <GreetingEditor tenantId={tenantId} companyName={companyName} view={greeting.data} />;
}

export function GreetingEditor({
  tenantId,
  companyName,
  view,
}: {
  tenantId: string;
  companyName: string;
  view: GreetingView;
}) {
  const { t } = useTranslation();
  const save = useSaveGreeting(tenantId);
  const reset = useResetGreeting(tenantId);
  const [steps, setSteps] = useState<EditableStep[]>(() => fromView(view));
  const [showProblems, setShowProblems] = useState(false);
  const problems = validateSteps(steps);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  function update(uid: string, change: Partial<EditableStep>) {
    setSteps((current) => current.map((s) => (s.uid === uid ? { ...s, ...change } : s)));
  }

  function onDragEnd(event: DragEndEvent) {
    const { active, over } = event;
    if (!over || active.id === over.id) return;
    setSteps((current) =>
      moveStep(
        current,
        current.findIndex((s) => s.uid === active.id),
        current.findIndex((s) => s.uid === over.id),
      ),
    );
  }

  function submit() {
    setShowProblems(true);
    if (Object.keys(problems).length > 0) return;
    save.mutate(toRequest(steps), {
      onSuccess: (saved) => {
        // keep previews of files uploaded in this session
        const previews = new Map(steps.flatMap((s) => s.media).map((m) => [m.id, m.previewUrl]));
        setSteps(
          fromView(saved).map((s) => ({
            ...s,
            media: s.media.map((m) => ({ ...m, previewUrl: previews.get(m.id) })),
          })),
        );
        setShowProblems(false);
      },
    });
  }

  return (
    <Group align="flex-start" gap="xl">
      <Stack style={{ flex: '1 1 320px' }} miw={0} maw="100%">
        <Group justify="space-between">
          <Title order={4}>{t('greeting.title')}</Title>
          <WordBadge variant="light" color={view.source === 'tenant' ? 'blue' : 'gray'}>
            {t(view.source === 'tenant' ? 'greeting.source.tenant' : 'greeting.source.pack')}
          </WordBadge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('greeting.hint')}
        </Text>
        <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
          <SortableContext items={steps.map((s) => s.uid)} strategy={verticalListSortingStrategy}>
            <Stack gap="sm" role="list" aria-label={t('greeting.steps')}>
              {steps.map((step, index) => (
                <SortableStep
                  key={step.uid}
                  tenantId={tenantId}
                  step={step}
                  index={index}
                  count={steps.length}
                  problem={showProblems ? problems[step.uid] : undefined}
                  onChange={(change) => update(step.uid, change)}
                  onMove={(to) => setSteps((current) => moveStep(current, index, to))}
                  onRemove={() => setSteps((current) => current.filter((s) => s.uid !== step.uid))}
                />
              ))}
            </Stack>
          </SortableContext>
        </DndContext>
        <Group gap="xs">
          {GREETING_KINDS.map((kind) => (
            <Button
              key={kind}
              variant="light"
              size="xs"
              onClick={() => setSteps((current) => [...current, { uid: newUid(), kind, text: '', url: '', media: [] }])}
            >
              {t('greeting.add', { kind: t(`greeting.kinds.${kind}`) })}
            </Button>
          ))}
        </Group>
        {save.isError && <ActionError error={save.error} title={t('greeting.saveFailed')} />}
        {reset.isError && <ActionError error={reset.error} />}
        {save.isSuccess && !save.isPending && (
          <Alert color="green" variant="light" role="status">
            {t('greeting.saved')}
          </Alert>
        )}
        <Group>
          <Button onClick={submit} loading={save.isPending}>
            {t('greeting.save')}
          </Button>
          <Button
            variant="default"
            loading={reset.isPending}
            onClick={() => {
              if (!window.confirm(t('greeting.resetConfirm'))) return;
              reset.mutate(undefined, { onSuccess: (fresh) => setSteps(fromView(fresh)) });
            }}
          >
            {t('greeting.reset')}
          </Button>
        </Group>
      </Stack>
      <PhonePreview steps={steps} companyName={companyName} />
    </Group>
  );
}

interface StepProps {
  tenantId: string;
  step: EditableStep;
  index: number;
  count: number;
  problem: 'text' | 'url' | 'media' | 'voice' | undefined;
  onChange: (change: Partial<EditableStep>) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

function SortableStep({ tenantId, step, index, count, problem, onChange, onMove, onRemove }: StepProps) {
  const { t } = useTranslation();
  const upload = useUploadMedia(tenantId);
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: step.uid });
  const number = index + 1;
  const takesMedia = step.kind === 'album' || step.kind === 'voice';

  return (
    <Paper
      ref={setNodeRef}
      withBorder
      p="sm"
      role="listitem"
      aria-label={t('greeting.stepLabel', { number, kind: t(`greeting.kinds.${step.kind}`) })}
      style={{ transform: CSS.Transform.toString(transform), transition, opacity: isDragging ? 0.6 : 1 }}
    >
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <ActionIcon
              variant="subtle"
              aria-label={t('greeting.drag', { number })}
              style={{ cursor: 'grab', touchAction: 'none' }}
              {...attributes}
              {...listeners}
            >
              ⠿
            </ActionIcon>
            <Text fw={600}>{number}.</Text>
            <Select
              aria-label={t('greeting.kind', { number })}
              w={150}
              size="xs"
              allowDeselect={false}
              value={step.kind}
              onChange={(value) => {
                if (isGreetingKind(value)) onChange({ kind: value as GreetingKind });
              }}
              data={GREETING_KINDS.map((kind) => ({ value: kind, label: t(`greeting.kinds.${kind}`) }))}
            />
          </Group>
          <Group gap={4} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              disabled={index === 0}
              onClick={() => onMove(index - 1)}
              aria-label={t('greeting.moveUp', { number })}
            >
              ↑
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              disabled={index === count - 1}
              onClick={() => onMove(index + 1)}
              aria-label={t('greeting.moveDown', { number })}
            >
              ↓
            </ActionIcon>
            <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={t('greeting.remove', { number })}>
              ✕
            </ActionIcon>
          </Group>
        </Group>
        <Textarea
          label={step.kind === 'text' ? t('greeting.text') : t('greeting.caption')}
          autosize
          minRows={2}
          value={step.text}
          error={problem === 'text' ? t('greeting.validation.text') : undefined}
          onChange={(e) => onChange({ text: e.currentTarget.value })}
        />
        {step.kind === 'link' && (
          <TextInput
            label={t('greeting.url')}
            placeholder="https://"
            value={step.url}
            error={problem === 'url' ? t('greeting.validation.url') : undefined}
            onChange={(e) => onChange({ url: e.currentTarget.value })}
          />
        )}
        {takesMedia && (
          <Stack gap={6}>
            {step.media.map((m, i) => (
              <Group key={m.id} gap="xs" wrap="nowrap">
                {m.previewUrl && step.kind === 'album' ? (
                  <img
                    src={m.previewUrl}
                    alt=""
                    width={40}
                    height={40}
                    style={{ objectFit: 'cover', borderRadius: 4 }}
                  />
                ) : (
                  <Text size="xs" c="dimmed" w={40} ta="center">
                    {step.kind === 'album' ? '🖼' : '🎤'}
                  </Text>
                )}
                <TextInput
                  size="xs"
                  style={{ flex: 1 }}
                  aria-label={t('greeting.mediaCaption', { number: i + 1 })}
                  placeholder={t('greeting.mediaCaption', { number: i + 1 })}
                  value={m.caption}
                  onChange={(e) =>
                    onChange({
                      media: step.media.map((x) => (x.id === m.id ? { ...x, caption: e.currentTarget.value } : x)),
                    })
                  }
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('greeting.removeMedia', { number: i + 1 })}
                  onClick={() => onChange({ media: step.media.filter((x) => x.id !== m.id) })}
                >
                  ✕
                </ActionIcon>
              </Group>
            ))}
            <Group gap="xs">
              <FileButton
                accept={step.kind === 'album' ? 'image/png,image/jpeg,image/webp' : 'audio/*'}
                onChange={(file) => {
                  if (!file) return;
                  upload.mutate(file, {
                    onSuccess: (stored) =>
                      onChange({
                        media: [
                          ...(step.kind === 'voice' ? [] : step.media),
                          { id: stored.id, caption: '', previewUrl: stored.url, mimeType: stored.mimeType },
                        ],
                      }),
                  });
                }}
              >
                {(props) => (
                  <Button {...props} size="xs" variant="light" loading={upload.isPending}>
                    {t(step.kind === 'album' ? 'greeting.uploadImage' : 'greeting.uploadVoice')}
                  </Button>
                )}
              </FileButton>
              {problem === 'media' && (
                <Text size="xs" c="red">
                  {t('greeting.validation.media')}
                </Text>
              )}
              {problem === 'voice' && (
                <Text size="xs" c="red">
                  {t('greeting.validation.voice')}
                </Text>
              )}
            </Group>
            {upload.isError && <ActionError error={upload.error} title={t('greeting.uploadFailed')} />}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
