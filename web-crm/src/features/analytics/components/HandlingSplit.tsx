import { Box, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResponseTimes } from '../../../lib/api/types';
import { percent } from '../lib/format';

const AI_COLOR = 'violet';
const HUMAN_COLOR = 'teal';

/**
 * Leads of the period led by the AI to this day versus taken over by a person: a two-part bar with the
 * percentages on it and a legend with the counts and percentages in words (so it reads without colour too).
 */
export function HandlingSplit({ handling }: { handling: ResponseTimes['handling'] }) {
  const { t } = useTranslation();
  const whole = handling.aiToTheEnd + handling.takenOver;
  const ai = percent(handling.aiToTheEnd, whole);
  const human = ai == null ? null : 100 - ai;
  if (whole === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="handling-empty">
        {t('analytics.noLeads')}
      </Text>
    );
  }
  const rows = [
    { key: 'ai', color: AI_COLOR, label: t('analytics.aiToTheEnd'), count: handling.aiToTheEnd, share: ai ?? 0 },
    { key: 'human', color: HUMAN_COLOR, label: t('analytics.takenOver'), count: handling.takenOver, share: human ?? 0 },
  ];
  return (
    <Stack gap="xs" data-testid="handling">
      <Progress.Root size={22} aria-hidden>
        {rows.map(
          (row) =>
            row.share > 0 && (
              <Progress.Section key={row.key} value={row.share} color={row.color}>
                <Progress.Label>{`${row.share}%`}</Progress.Label>
              </Progress.Section>
            ),
        )}
      </Progress.Root>
      <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {rows.map((row) => (
          <Group key={row.key} component="li" gap="xs" wrap="nowrap" data-testid={`handling-${row.key}`}>
            <Box
              w={12}
              h={12}
              style={{ borderRadius: 3, flex: 'none', background: `var(--mantine-color-${row.color}-filled)` }}
            />
            <Text size="sm" style={{ flex: 1, minWidth: 0 }}>
              {row.label}
            </Text>
            <Text size="sm" fw={600}>
              {t('analytics.countShare', { count: row.count, share: row.share })}
            </Text>
          </Group>
        ))}
      </Stack>
    </Stack>
  );
}
