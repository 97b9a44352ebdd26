package com.buildcrm.inbox;

import com.buildcrm.channel.DeliveryStatusUpdate;
import com.buildcrm.channel.InboundEvent;
import com.buildcrm.channel.InboundMessage;
import com.buildcrm.channel.StorableText;
import com.buildcrm.jobs.JobQueue;
import com.buildcrm.jobs.JobType;
import com.buildcrm.phone.PhoneNumbers;
import com.buildcrm.tenancy.Storage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
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
                                            em, PROCESS_TASK, Long.toString(id), clock.instant());
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
        JsonObjectBuilder json = Json.createObjectBuilder();
        String kind;
        byte[] media = null;
        if (event instanceof InboundMessage m) {
            kind = m.group() ? "GROUP" : m.kind().name();
            json.add("type", "message")
                    .add("sender", nz(m.sender()))
                    .add("phone", PhoneNumbers.fromWhatsApp(m.sender()).orElse(""))
                    .add("pushName", nz(m.pushName()))
                    .add("timestamp", m.timestamp().toString())
                    .add("kind", m.kind().name())
                    .add("text", nz(m.text()))
                    .add("group", m.group());
            if (m.media() != null) {
                json.add("mediaMime", nz(m.media().baseMimeType()))
                        .add("mediaUrl", nz(m.media().downloadUrl()))
                        .add("mediaId", nz(m.media().providerMediaId()))
                        .add("mediaName", nz(m.media().fileName()))
                        .add("ptt", m.media().ptt());
                media = m.media().hasInlineBytes() ? m.media().inlineBytes() : null;
            }
        } else if (event instanceof DeliveryStatusUpdate s) {
            kind = "STATUS";
            json.add("type", "status").add("status", s.status().name()).add("error", nz(s.error()));
        } else {
            return null;
        }
        json.add("raw", truncate(event.rawJson(), 64_000));
        @SuppressWarnings("unchecked")
        List<Object> ids =
                em.createNativeQuery(
                                "INSERT INTO platform.inbox (tenant_id, provider, provider_message_id, kind, event, media)"
                                        + " VALUES (?1, ?2, ?3, ?4, CAST(?5 AS jsonb), ?6)"
                                        + " ON CONFLICT (tenant_id, provider, provider_message_id) DO NOTHING RETURNING id")
                        .setParameter(1, tenantId)
                        .setParameter(2, provider)
                        .setParameter(3, dedupeKey(event))
                        .setParameter(4, kind)
                        .setParameter(5, json.build().toString())
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

    private static String nz(String s) {
        return s == null ? "" : StorableText.clean(s);
    }

    private static String truncate(String s, int max) {
        if (s == null) {
            return "";
        }
        // inline base64 media is kept in the media column, not twice in the raw JSON
        return StorableText.clean(s.length() <= max ? s : s.substring(0, max));
    }
}
