import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../../lib/notify';
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
      if (event.leadId !== null) void client.invalidateQueries({ queryKey: ['lead', event.leadId] });
    };
    const connection = connectLiveEvents({
      onStatus: setStatus,
      onOpen: () => {
        void client.invalidateQueries({ queryKey: ['leads'] });
        void client.invalidateQueries({ queryKey: ['lead'] });
      },
      onEvent: (event) => {
        refreshLead(event);
        if (event.type === 'resync') void client.invalidateQueries({ queryKey: ['lead'] });
        const url = event.leadId !== null ? `${import.meta.env.BASE_URL}leads/${event.leadId}` : undefined;
        if (event.type === 'lead.created') {
          void notify(t('live.newLead'), { tag: `lead-${event.leadId}`, url });
        } else if (event.type === 'lead.handoff') {
          void notify(t('live.handoff'), { tag: `handoff-${event.leadId}`, url });
        }
      },
    });
    return () => connection.close();
  }, [enabled, client, t]);

  return status;
}
