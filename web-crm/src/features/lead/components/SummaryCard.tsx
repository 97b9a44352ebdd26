import { Badge, Box, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { HandoffSummary, Lead, SummaryFact } from '../../../lib/api/types';
import { formatDateTime } from '../../../lib/time';
import { usePhone } from '../../../lib/usePhone';
import { useCurrentUser } from '../../me/hooks/useCurrentUser';
import { summaryPinned, summaryQueryOptions } from '../api/summary';

const PLANNER_KINDS = ['CLIENT_WAITING', 'CALL_DUE', 'TASK_DUE', 'HOT_UNASSIGNED', 'NO_ANSWER', 'STALE'];

/** One sentence for the next step: the planner's own reason, or the summary's rule in the reader's language. */
export function nextStepText(summary: HandoffSummary, t: TFunction, language: string): string {
  const en = language === 'en';
  const step = summary.nextStep;
  if (PLANNER_KINDS.includes(step.kind) && step.reason) return step.reason;
  if (step.kind === 'ASK') {
    const labels = step.fieldKeys
      .map((key) => summary.open.find((question) => question.key === key))
      .filter((question) => question !== undefined)
      .map((question) => (en ? question.labelEn : question.labelRu).toLocaleLowerCase(language));
    return t('summary.step.ASK', { fields: labels.join(', ') });
  }
  if (step.kind === 'CALL')
    return summary.want.callTime ? t('summary.step.CALL_AT', { time: summary.want.callTime }) : t('summary.step.CALL');
  if (step.kind === 'OFFER' || step.kind === 'DONE') return t(`summary.step.${step.kind}`);
  return t('summary.step.CALL');
}

function FactValue({ fact }: { fact: SummaryFact }) {
  const { t, i18n } = useTranslation();
  if (typeof fact.value === 'boolean') return <>{fact.value ? t('common.yes') : t('common.no')}</>;
  if (typeof fact.value === 'number') return <>{fact.value.toLocaleString(i18n.language)}</>;
  return <>{fact.value}</>;
}

/**
 * The handoff summary pinned at the top of the chat while the lead is in human hands (or waits for a person or a
 * call): what the client wants, what is known, what is still open and what to do next. Collapsed to one line on the
 * phone so the chat and the composer keep their room; a tap opens it.
 */
export function SummaryCard({ lead }: { lead: Lead }) {
  const { t, i18n } = useTranslation();
  const phone = usePhone();
  const { timeZone } = useCurrentUser();
  const summary = useQuery(summaryQueryOptions(lead));
  const [open, setOpen] = useState<boolean | null>(null);
  if (!summaryPinned(lead) || !summary.data) return null;
  const expanded = open ?? !phone;
  const view = summary.data;
  const now = view.summary;
  const en = i18n.language === 'en';
  const want = now.want;
  const llmText =
    view.snapshot?.text && (view.snapshot.textLocale ?? 'ru') === (en ? 'en' : 'ru') ? view.snapshot.text : null;
  const nextStep = nextStepText(now, t, i18n.language);
  const bodyId = `lead-summary-body-${lead.id}`;

  return (
    <Paper
      withBorder
      radius="md"
      px="sm"
      py={4}
      bg="yellow.0"
      style={{ flex: 'none', maxHeight: expanded ? '45%' : undefined, overflowY: expanded ? 'auto' : 'hidden' }}
      data-testid="lead-summary"
      data-expanded={expanded}
      component="section"
      aria-label={t('summary.title')}
    >
      <UnstyledButton
        onClick={() => setOpen(!expanded)}
        aria-expanded={expanded}
        aria-controls={bodyId}
        mih={44}
        w="100%"
        data-testid="lead-summary-toggle"
      >
        <Group gap={6} wrap="nowrap" justify="space-between">
          <Box style={{ minWidth: 0, flex: 1 }}>
            <Text size="sm" fw={600} truncate>
              📋 {t('summary.title')}
            </Text>
            {!expanded && (
              <Text size="xs" c="dimmed" truncate data-testid="lead-summary-teaser">
                {nextStep}
              </Text>
            )}
          </Box>
          <Text size="sm" c="dimmed" aria-hidden>
            {expanded ? '▴' : '▾'}
          </Text>
        </Group>
      </UnstyledButton>
      {expanded && (
        <Stack gap={6} pb={6} id={bodyId} data-testid="lead-summary-body">
          {view.trigger && view.takenAt && (
            <Text size="xs" c="dimmed">
              {t(`summary.trigger.${view.trigger}`, {
                at: formatDateTime(view.takenAt, timeZone, i18n.language),
              })}
            </Text>
          )}
          {llmText && (
            <Text size="sm" data-testid="lead-summary-text">
              {llmText}
            </Text>
          )}
          <Box>
            <Text size="xs" fw={600} c="dimmed">
              {t('summary.wants')}
            </Text>
            <Text size="sm" style={{ wordBreak: 'break-word' }}>
              {want.need ?? (en ? want.topicEn : want.topicRu)}
              {want.callRequested &&
                ` · ${want.callTime ? t('summary.callAt', { time: want.callTime }) : t('summary.callAsap')}`}
            </Text>
            {want.clientWords.length > 0 && (
              <Text size="sm" c="dimmed" fs="italic" lineClamp={2} style={{ wordBreak: 'break-word' }}>
                «{want.clientWords[want.clientWords.length - 1]}»
              </Text>
            )}
          </Box>
          {now.fields.length > 0 && (
            <Box>
              <Text size="xs" fw={600} c="dimmed">
                {t('summary.known')}
              </Text>
              <Box component="ul" m={0} pl="md" data-testid="lead-summary-fields">
                {now.fields.map((fact) => (
                  <Text component="li" size="sm" key={fact.key} style={{ wordBreak: 'break-word' }}>
                    {en ? fact.labelEn : fact.labelRu}: <FactValue fact={fact} />
                    {fact.changed && view.snapshot && (
                      <Badge size="xs" variant="light" color="teal" ml={6}>
                        {t('summary.changed')}
                      </Badge>
                    )}
                  </Text>
                ))}
              </Box>
            </Box>
          )}
          {now.open.length > 0 && (
            <Box>
              <Text size="xs" fw={600} c="dimmed">
                {t('summary.open')}
              </Text>
              <Text size="sm" data-testid="lead-summary-open" style={{ wordBreak: 'break-word' }}>
                {now.open.map((question) => (en ? question.labelEn : question.labelRu)).join(', ')}
              </Text>
            </Box>
          )}
          <Box>
            <Text size="xs" fw={600} c="dimmed">
              {t('summary.next')}
            </Text>
            <Text size="sm" fw={500} data-testid="lead-summary-next">
              {nextStep}
            </Text>
          </Box>
        </Stack>
      )}
    </Paper>
  );
}
