package com.buildcrm.inbox;

import com.buildcrm.channel.DeliveryStatusUpdate;
import com.buildcrm.channel.InboundEvent;
import com.buildcrm.channel.InboundMessage;
import com.buildcrm.channel.StorableText;
import com.buildcrm.jobs.JobQueue;
import com.buildcrm.jobs.JobType;
import com.buildcrm.tenancy.Storage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;

/**
 * The durable inbox: every parsed provider event is stored — raw, once per channel and provider
 * message id — together with its processing job, in one transaction, before the webhook answers.
 * Content is made storable, never refused ({@link StorableText}): NUL characters become U+FFFD and
 * over-long provider ids are hashed, so a webhook never answers 5xx for what a message contains.
 */
@ApplicationScoped
public class InboxService {

    /** Processes one stored inbound event; the instance is the inbox row id. */
    public static final JobType PROCESS_TASK = new JobType("process-inbox", 90);

    @Inject Storage storage;
    @Inject Clock clock;

    /**
     * @return how many events were new (duplicates are acknowledged and ignored)
     */
    public int store(long tenantId, String provider, List<InboundEvent> events) {
        return storage.transactions()
                .inPlatform(
                        em -> {
                            int stored = 0;
                            for (InboundEvent event : events) {
                                Long id = insert(em, tenantId, provider, event);
                                if (id != null) {
                                    JobQueue.enqueue(
                                            em,
                                            PROCESS_TASK,
                                            tenantId,
                                            Long.toString(id),
                                            clock.instant());
                                    stored++;
                                }
                            }
                            em.createNativeQuery(
                                            "UPDATE platform.channels SET last_inbound_at = now() WHERE tenant_id = ?1"
                                                    + " AND (last_inbound_at IS NULL"
                                                    + " OR last_inbound_at < now() - interval '10 seconds')")
                                    .setParameter(1, tenantId)
                                    .executeUpdate();
                            return stored;
                        });
    }

    private static Long insert(
            EntityManager em, long tenantId, String provider, InboundEvent event) {
        InboxEvent stored = InboxEvent.of(event);
        byte[] media = null;
        if (event instanceof InboundMessage m && m.media() != null && m.media().hasInlineBytes()) {
            media = m.media().inlineBytes();
        }
        @SuppressWarnings("unchecked")
        List<Object> ids =
                em.createNativeQuery(
                                "INSERT INTO platform.inbox (tenant_id, provider, provider_message_id, kind, event, media)"
                                        + " VALUES (?1, ?2, ?3, ?4, CAST(?5 AS jsonb), ?6)"
                                        + " ON CONFLICT (tenant_id, provider, provider_message_id) DO NOTHING RETURNING id")
                        .setParameter(1, tenantId)
                        .setParameter(2, provider)
                        .setParameter(3, dedupeKey(event))
                        .setParameter(4, stored.rowKind())
                        .setParameter(5, stored.toJson())
                        .setParameter(6, media == null ? new byte[0] : media)
                        .getResultList();
        return ids.isEmpty() ? null : ((Number) ids.get(0)).longValue();
    }

    /**
     * Several statuses (sent, delivered, read) arrive for one message id: each is its own event.
     */
    static String dedupeKey(InboundEvent event) {
        String id = StorableText.id(event.providerMessageId());
        return event instanceof DeliveryStatusUpdate s ? id + "#status:" + s.status().name() : id;
    }
}
