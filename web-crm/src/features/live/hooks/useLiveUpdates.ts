import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../../lib/notify';
import { leadQueryOptions } from '../../lead/api/lead';
import { leadTitle } from '../../lead/components/LeadBadges';
import { connectLiveEvents, type LiveEvent, type LiveStatus } from '../api/liveEvents';

/**
 * Keeps every open screen current: each server event refreshes what it touches; a (re)connect refreshes everything
 * (catch-up after a network loss); a new lead or a hand-off raises a notification.
 */
export function useLiveUpdates(enabled: boolean): LiveStatus {
  const client = useQueryClient();
  const { t } = useTranslation();
  const [status, setStatus] = useState<LiveStatus>('connecting');

  useEffect(() => {
    if (!enabled) return;
    const refreshLead = (event: LiveEvent) => {
      void client.invalidateQueries({ queryKey: ['leads'] });
      // the «Сейчас» queue follows every lead, task and message event (and refetches every minute on its own)
      void client.invalidateQueries({ queryKey: ['now'] });
      if (event.leadId !== null) void client.invalidateQueries({ queryKey: ['lead', event.leadId] });
    };
    const connection = connectLiveEvents({
      onStatus: setStatus,
      onOpen: () => {
        void client.invalidateQueries({ queryKey: ['leads'] });
        void client.invalidateQueries({ queryKey: ['now'] });
        void client.invalidateQueries({ queryKey: ['lead'] });
      },
      onEvent: (event) => {
        refreshLead(event);
        if (event.type === 'resync') void client.invalidateQueries({ queryKey: ['lead'] });
        if (event.leadId === null || (event.type !== 'lead.created' && event.type !== 'lead.handoff')) return;
        const leadId = event.leadId;
        const url = `${import.meta.env.BASE_URL}leads/${leadId}`;
        const title = event.type === 'lead.created' ? t('live.newLead') : t('live.handoff');
        const tag = `${event.type === 'lead.created' ? 'lead' : 'handoff'}-${leadId}`;
        // Name the lead when it can be read; the notification goes out either way.
        void client
          .fetchQuery(leadQueryOptions(leadId))
          .then((lead) => `${leadTitle(lead)}${lead.lastMessage?.text ? `: ${lead.lastMessage.text}` : ''}`)
          .catch(() => undefined)
          .then((body) => notify(title, { body, tag, url }));
      },
    });
    return () => connection.close();
  }, [enabled, client, t]);

  return status;
}
