import { Card, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Lead } from '../../../lib/api/types';
import { LeadBadges, leadTitle } from '../../lead/components/LeadBadges';
import { NextActionLine } from '../../lead/components/NextActionLine';
import classes from './LeadTile.module.css';

/**
 * A lead as a card: on the board and in the phone list. The whole card is one link to the lead (named by the lead);
 * `action` (the move button) sits above it.
 */
export function LeadTile({
  lead,
  to,
  showStage = true,
  action,
}: {
  lead: Lead;
  to: string;
  showStage?: boolean;
  action?: ReactNode;
}) {
  const { t } = useTranslation();
  const last = lead.lastMessage;
  return (
    <Card
      withBorder
      padding="xs"
      radius="md"
      className={classes.tile}
      data-testid="lead-tile"
      data-lead-id={lead.id}
      data-tap-area
    >
      <Group justify="space-between" wrap="nowrap" gap={4} align="flex-start">
        <Stack gap={4} miw={0} style={{ flex: 1 }}>
          <Text component={Link} to={to} draggable={false} className={classes.link} fw={600} size="sm" truncate="end">
            {leadTitle(lead)}
          </Text>
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
        {action && <div className={classes.above}>{action}</div>}
      </Group>
    </Card>
  );
}
