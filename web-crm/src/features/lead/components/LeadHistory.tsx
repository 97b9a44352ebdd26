import { Loader, Text, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@buildcrm/web-shared/components/ErrorAlert';
import type { LeadEvent } from '../../../lib/api/types';
import { formatDateTime } from '../../../lib/time';
import { useCurrentUser } from '../../me/hooks/useCurrentUser';
import { leadEventsQueryOptions } from '../api/conversation';

const KNOWN = new Set([
  'stage.changed',
  'fields.updated',
  'score.changed',
  'call.requested',
  'handoff.requested',
  'handoff.takeover',
  'handoff.returned',
  'lead.cooled',
  'greeting.sent',
  'lead.assigned',
  'ai.enabled',
  'ai.disabled',
  'followup.armed',
  'followup.sent',
  'followup.cancelled',
  'followup.finished',
]);

function str(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function describe(event: LeadEvent, t: ReturnType<typeof useTranslation>['t']): string {
  const d = event.details ?? {};
  const title = KNOWN.has(event.type)
    ? t(`history.types.${event.type.replace('.', '_')}` as 'history.types.stage_changed')
    : event.type;
  if (event.type === 'stage.changed') {
    const from = str(d.fromName ?? d.from);
    const to = str(d.toName ?? d.to);
    return `${title}: ${from} → ${to}`;
  }
  if (event.type === 'fields.updated' && typeof d === 'object') {
    const keys = Object.keys((d.fields as Record<string, unknown> | undefined) ?? d).join(', ');
    return keys ? `${title}: ${keys}` : title;
  }
  if (event.type === 'score.changed') return `${title}: ${str(d.from)} → ${str(d.to)}`;
  return title;
}

export function LeadHistory({ leadId }: { leadId: number }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useCurrentUser();
  const events = useQuery(leadEventsQueryOptions(leadId));
  if (events.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (events.isError) return <ErrorAlert error={events.error} title={t('history.loadFailed')} />;
  if (events.data.length === 0) return <Text c="dimmed">{t('history.empty')}</Text>;
  return (
    <Timeline bulletSize={14} lineWidth={2} data-testid="lead-history">
      {events.data.map((event) => (
        <Timeline.Item key={event.id} title={describe(event, t)}>
          <Text size="xs" c="dimmed">
            {event.user?.name ?? t(`history.actor.${event.actor}`)} ·{' '}
            {formatDateTime(event.at, timeZone, i18n.language)}
            {event.reason ? ` · ${event.reason}` : ''}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
