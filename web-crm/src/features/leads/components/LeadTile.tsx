import { Card, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Lead } from '../../../lib/api/types';
import { LeadBadges, leadTitle } from '../../lead/components/LeadBadges';
import { NextActionLine } from '../../lead/components/NextActionLine';

/** A lead as a card: on the board and in the phone list. */
export function LeadTile({
  lead,
  to,
  showStage = true,
  handle,
}: {
  lead: Lead;
  to: string;
  showStage?: boolean;
  handle?: ReactNode;
}) {
  const { t } = useTranslation();
  const last = lead.lastMessage;
  return (
    <Card withBorder padding="xs" radius="md" data-testid="lead-tile" data-lead-id={lead.id}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" gap={4}>
          <Text component={Link} to={to} fw={600} size="sm" truncate="end" c="inherit" td="none">
            {leadTitle(lead)}
          </Text>
          {handle}
        </Group>
        <Text size="xs" c="dimmed" truncate="end">
          {[lead.name ? lead.phone : null, lead.city].filter(Boolean).join(' · ') || t('lead.noCity')}
        </Text>
        {last?.text && (
          <Text size="xs" lineClamp={2}>
            {last.direction === 'IN' ? '← ' : '→ '}
            {last.text}
          </Text>
        )}
        <NextActionLine action={lead.nextAction} compact />
        <LeadBadges lead={lead} showStage={showStage} />
      </Stack>
    </Card>
  );
}
