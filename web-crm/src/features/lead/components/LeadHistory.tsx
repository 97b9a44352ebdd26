import { Loader, Text, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@buildcrm/web-shared/components/ErrorAlert';
import { formatDateTime } from '../../../lib/time';
import { actorWord, eventTitle } from '../../../lib/words';
import { useCurrentUser } from '../../me/hooks/useCurrentUser';
import { stagesQueryOptions } from '../../stages/api/stages';
import { leadEventsQueryOptions } from '../api/conversation';
import { packQueryOptions } from '../api/pack';

export function LeadHistory({ leadId }: { leadId: number }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useCurrentUser();
  const events = useQuery(leadEventsQueryOptions(leadId));
  const schema = useQuery(packQueryOptions()).data?.fields;
  const stages = useQuery(stagesQueryOptions()).data;
  const words = { t, language: i18n.language, schema, stages };
  if (events.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (events.isError) return <ErrorAlert error={events.error} title={t('history.loadFailed')} />;
  if (events.data.length === 0) return <Text c="dimmed">{t('history.empty')}</Text>;
  return (
    <Timeline bulletSize={14} lineWidth={2} data-testid="lead-history">
      {events.data.map((event) => (
        <Timeline.Item key={event.id} title={eventTitle(event, words)}>
          <Text size="xs" c="dimmed">
            {actorWord(event, t)} · {formatDateTime(event.at, timeZone, i18n.language)}
            {event.reason ? ` · ${event.reason}` : ''}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
