import { Alert, Button, Group, Loader, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../../../components/ActionError';
import { WordBadge } from '../../../components/WordBadge';
import type { KnowledgeBaseView, KnowledgeEntry } from '../../../lib/api/types';
import { useKnowledge, useSaveKnowledge } from '../api/knowledge';

/** «База знаний»: the questions and documents the AI manager answers clients from (ADR 032). */
export function KnowledgePanel({ tenantId }: { tenantId: string }) {
  const { t } = useTranslation();
  const base = useKnowledge(tenantId);
  if (base.isPending) return <Loader size="sm" />;
  if (base.isError) return <ActionError error={base.error} title={t('knowledge.loadFailed')} />;
  return <KnowledgeEditor tenantId={tenantId} base={base.data} />;
}

type Draft = KnowledgeEntry & { document: boolean };

function draftOf(e: KnowledgeEntry): Draft {
  return { ...e, questions: [...e.questions], document: e.questions.length === 0 };
}

export function KnowledgeEditor({ tenantId, base }: { tenantId: string; base: KnowledgeBaseView }) {
  const { t } = useTranslation();
  const save = useSaveKnowledge(tenantId);
  const [entries, setEntries] = useState<Draft[]>(() => base.entries.map(draftOf));
  const [editing, setEditing] = useState<number | null>(null);
  const [dirty, setDirty] = useState(false);

  const update = (next: Draft[]) => {
    setEntries(next);
    setDirty(true);
  };
  const add = (document: boolean) => {
    update([...entries, { title: '', questions: document ? [] : [''], answer: '', document }]);
    setEditing(entries.length);
  };
  const invalid = entries.some(
    (e) =>
      e.title.trim() === '' || e.answer.trim() === '' || (!e.document && e.questions.every((q) => q.trim() === '')),
  );

  return (
    <Stack maw={720}>
      <Group justify="space-between" wrap="wrap">
        <Title order={4}>{t('knowledge.title')}</Title>
        <WordBadge variant="light" color={base.source === 'TENANT' ? 'blue' : 'gray'}>
          {t(base.source === 'TENANT' ? 'knowledge.source.tenant' : 'knowledge.source.pack')}
        </WordBadge>
      </Group>
      <Text size="sm" c="dimmed">
        {t('knowledge.hint', { entries: base.limits.entries })}
      </Text>
      <Stack gap="xs" role="list" aria-label={t('knowledge.listLabel')}>
        {entries.length === 0 && <Text c="dimmed">{t('knowledge.empty')}</Text>}
        {entries.map((entry, index) => (
          <Paper key={index} withBorder p="sm" role="listitem" aria-label={entry.title || t('knowledge.untitled')}>
            {editing === index ? (
              <EntryForm
                entry={entry}
                limits={base.limits}
                onChange={(changed) => update(entries.map((e, i) => (i === index ? changed : e)))}
                onDone={() => setEditing(null)}
              />
            ) : (
              <Stack gap={4}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Text fw={600} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
                    {entry.title || t('knowledge.untitled')}
                  </Text>
                  <WordBadge variant="outline">
                    {t(entry.document ? 'knowledge.kind.document' : 'knowledge.kind.qa')}
                  </WordBadge>
                </Group>
                {!entry.document && entry.questions[0] && (
                  <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {entry.questions[0]}
                    {entry.questions.length > 1 &&
                      ` ${t('knowledge.moreQuestions', { count: entry.questions.length - 1 })}`}
                  </Text>
                )}
                <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                  {entry.answer}
                </Text>
                <Group gap="xs">
                  <Button variant="light" mih={44} onClick={() => setEditing(index)}>
                    {t('knowledge.edit')}
                  </Button>
                  <Button
                    variant="subtle"
                    color="red"
                    mih={44}
                    onClick={() => {
                      update(entries.filter((_, i) => i !== index));
                      setEditing(null);
                    }}
                  >
                    {t('knowledge.delete')}
                  </Button>
                </Group>
              </Stack>
            )}
          </Paper>
        ))}
      </Stack>
      <Group gap="xs" wrap="wrap">
        <Button variant="default" mih={44} onClick={() => add(false)} disabled={entries.length >= base.limits.entries}>
          {t('knowledge.addQuestion')}
        </Button>
        <Button variant="default" mih={44} onClick={() => add(true)} disabled={entries.length >= base.limits.entries}>
          {t('knowledge.addDocument')}
        </Button>
      </Group>
      {save.isError && <ActionError error={save.error} title={t('knowledge.saveFailed')} />}
      {save.isSuccess && !dirty && <Alert color="green">{t('knowledge.saved')}</Alert>}
      {invalid && (
        <Text size="sm" c="red">
          {t('knowledge.incomplete')}
        </Text>
      )}
      <Group>
        <Button
          mih={44}
          disabled={!dirty || invalid}
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              entries.map((e) => ({
                title: e.title.trim(),
                questions: e.document ? [] : e.questions.map((q) => q.trim()).filter((q) => q !== ''),
                answer: e.answer.trim(),
              })),
              { onSuccess: () => setDirty(false) },
            )
          }
        >
          {t('knowledge.save')}
        </Button>
      </Group>
    </Stack>
  );
}

function EntryForm({
  entry,
  limits,
  onChange,
  onDone,
}: {
  entry: Draft;
  limits: KnowledgeBaseView['limits'];
  onChange: (e: Draft) => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <TextInput
        label={t('knowledge.field.title')}
        value={entry.title}
        maxLength={limits.title}
        onChange={(e) => onChange({ ...entry, title: e.currentTarget.value })}
        required
      />
      {!entry.document && (
        <Textarea
          label={t('knowledge.field.questions')}
          description={t('knowledge.field.questionsHint')}
          value={entry.questions.join('\n')}
          autosize
          minRows={2}
          onChange={(e) => onChange({ ...entry, questions: e.currentTarget.value.split('\n') })}
          required
        />
      )}
      <Textarea
        label={t(entry.document ? 'knowledge.field.document' : 'knowledge.field.answer')}
        description={entry.document ? t('knowledge.field.documentHint', { max: limits.paragraph }) : undefined}
        value={entry.answer}
        autosize
        minRows={3}
        maxLength={entry.document ? limits.document : limits.answer}
        onChange={(e) => onChange({ ...entry, answer: e.currentTarget.value })}
        required
      />
      <Group>
        <Button variant="light" mih={44} onClick={onDone}>
          {t('knowledge.done')}
        </Button>
      </Group>
    </Stack>
  );
}
